// ByteSources for the engine worker: one over a Blob/File (browser, sample), one over host handles
// (Electron), whose bytes only the UI thread can read through window.driftline.
import type { ByteSource } from '../../shared/importers/types';

export function blobByteSource(blob: Blob, name: string, path: string): ByteSource {
  return {
    name,
    path,
    size: blob.size,
    async read(offset, length) {
      return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    },
  };
}

export type ChunkReader = (handle: string, offset: number, length: number) => Promise<Uint8Array>;

export function hostByteSource(handle: string, name: string, path: string, size: number, readChunk: ChunkReader): ByteSource {
  return { name, path, size, read: (offset, length) => readChunk(handle, offset, length) };
}

export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('Import cancelled');
  }
}

/** Stops an import at its next read once the signal fires, whatever the importer does with errors. */
export function cancellable(src: ByteSource, signal: AbortSignal): ByteSource {
  return {
    ...src,
    read(offset, length) {
      if (signal.aborted) return Promise.reject(new CancelledError());
      return src.read(offset, length);
    },
  };
}
