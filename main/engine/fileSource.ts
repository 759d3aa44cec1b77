// Evidence files on disk as ByteSources (read in chunks through one file handle), and folder expansion for the CLI.
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ByteSource } from '../../shared/importers/types';

/** A ByteSource over a file path; the handle opens lazily and closes when the last byte has been read. */
export async function fileSource(filePath: string, displayPath = filePath): Promise<ByteSource & { close(): Promise<void> }> {
  const size = (await stat(filePath)).size;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  const close = async () => {
    const h = handle;
    handle = undefined;
    await h?.close();
  };
  return {
    name: path.basename(filePath),
    path: displayPath,
    size,
    async read(offset, length, into) {
      handle ??= await open(filePath, 'r');
      const want = Math.max(0, Math.min(length, size - offset));
      const buf = into && into.length >= want ? into.subarray(0, want) : new Uint8Array(want);
      let got = 0;
      while (got < buf.length) {
        const { bytesRead } = await handle.read(buf, got, buf.length - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      if (offset + got >= size) await close();
      return got === buf.length ? buf : buf.subarray(0, got);
    },
    close,
  };
}

/**
 * Expands files and folders into a sorted list of files. Folders are walked recursively; dotfiles and
 * dot-folders are skipped (editor swap files, .git), so a folder of evidence imports what a person sees.
 */
export async function listEvidenceFiles(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const st = await stat(input);
    if (st.isDirectory()) await walk(input, out);
    else out.push(input);
  }
  return out;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile()) out.push(p);
  }
}
