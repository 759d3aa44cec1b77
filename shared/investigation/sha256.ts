// SHA-256 through WebCrypto, which Node (>= 19) and every browser/Electron renderer provide natively:
// hashing a 300 MB section in pure TypeScript would cost seconds the reopen budget does not have.

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += bytes[i].toString(16).padStart(2, '0');
  return s;
}
