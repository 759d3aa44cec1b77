// Reads a ByteSource in chunks, hashing the bytes as they pass and un-gzipping transparently.
import type { ByteSource, Hasher } from './types';
import { Sha256 } from '../util/sha256';
import { isGzip } from '../util/utf8';

export const CHUNK_BYTES = 4 * 1024 * 1024;

export interface ByteStream {
  /** Next chunk of (decompressed) content, or undefined at the end. */
  next(): Promise<Uint8Array | undefined>;
  /** Raw bytes read from the source so far. */
  readonly bytesRead: number;
  readonly gzip: boolean;
  /** Reads whatever raw bytes are left (e.g. after a corrupt gzip member) and returns the file's hash. */
  sha256(): Promise<string>;
  /**
   * Hands back a chunk `next()` returned that nothing refers to any more, so a later read can reuse its
   * memory (filling new memory costs ~2 ms per MB on the importing thread here; reused, ~0.1).
   */
  recycle(chunk: Uint8Array): void;
}

export async function openByteStream(src: ByteSource, chunkBytes = CHUNK_BYTES, createHasher: () => Hasher = () => new Sha256()): Promise<ByteStream> {
  const hash = createHasher();
  let offset = 0;
  const spare: Uint8Array[] = [];
  const readRaw = async (): Promise<Uint8Array | undefined> => {
    if (offset >= src.size) return undefined;
    const bytes = await src.read(offset, Math.min(chunkBytes, src.size - offset), spare.pop());
    if (bytes.length === 0) return undefined; // the file shrank under us: stop rather than spin
    offset += bytes.length;
    hash.update(bytes);
    return bytes;
  };
  const first = await readRaw();
  let digest: string | undefined;
  const sha256 = async () => {
    while (digest === undefined && (await readRaw()));
    return (digest ??= hash.hex());
  };
  const state = { get bytesRead() { return offset; } };
  // Raw chunks only, whole: a decompressed chunk is not a read buffer.
  const recycle = (chunk: Uint8Array) => {
    if (chunk.byteOffset !== 0 || chunk.buffer.byteLength !== chunkBytes) return;
    spare.push(new Uint8Array(chunk.buffer as ArrayBuffer));
    if (spare.length > 2) spare.shift(); // the newest are kept, and the next read takes the newest
  };

  if (!first || !isGzip(first)) {
    let pending = first;
    // Read one chunk ahead, so disk reads overlap with parsing the chunk in hand.
    let ahead: Promise<Uint8Array | undefined> | undefined;
    return Object.assign(state, {
      gzip: false,
      recycle,
      sha256: async () => {
        await ahead;
        return sha256();
      },
      async next() {
        let chunk: Uint8Array | undefined;
        if (pending) {
          chunk = pending;
          pending = undefined;
        } else chunk = await (ahead ?? readRaw());
        ahead = chunk ? readRaw() : undefined;
        ahead?.catch(() => undefined); // surfaced by the next call to next()
        return chunk;
      },
    });
  }

  let head: Uint8Array | undefined = first;
  const raw = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const b = head ?? (await readRaw());
      head = undefined;
      if (b) controller.enqueue(b);
      else controller.close();
    },
  });
  const reader = raw.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>).getReader();
  return Object.assign(state, {
    gzip: true,
    sha256,
    recycle: () => undefined,
    async next() {
      const r = await reader.read();
      return r.done ? undefined : r.value;
    },
  });
}
