// SHA-256 for the investigation file. WebCrypto where present (Node >= 19, browsers, Electron in a
// secure context): native, and it runs off the main thread so hashing overlaps with loading. Where a
// page is not a secure context, crypto.subtle is missing: fall back to the pure TypeScript hash.
import { Sha256 } from '../util/sha256';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return new Sha256().update(bytes).hex();
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += bytes[i].toString(16).padStart(2, '0');
  return s;
}
