// SHA-256 for the investigation file, fastest first:
// - Node's native hash where the code runs in Node (CLI, tests, benchmarks): ~1.7 GB/s and no copy.
//   WebCrypto's digest() copies its input first, and on this machine touching fresh memory costs ~3 ms
//   per MB: reopening 1M events spent ~0.9 s of its main thread copying sections to hash them.
// - WebCrypto in browsers and Electron's renderer: native, and the hashing itself runs off the thread.
// - Where a page is not a secure context, crypto.subtle is missing: the pure TypeScript hash.
import { Sha256 } from '../util/sha256';

type NodeCrypto = typeof import('node:crypto');
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(bytes).digest('hex');
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
