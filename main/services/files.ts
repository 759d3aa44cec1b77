// Evidence files: the user picks files or folders, each file gets an opaque handle, and the renderer
// reads bytes in chunks through it. Evidence is only ever opened read-only, and only what was picked.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FilesHost, PickedFile } from '../../shared/ipc/host';
import { HostError } from './hostError';

/** Shows the open dialog; resolves to the chosen paths, empty when cancelled. */
export type PickPaths = () => Promise<string[]>;

/** Bigger reads would let one call allocate arbitrary memory in the main process. */
export const MAX_CHUNK = 64 * 1024 * 1024;

export interface FilesService extends FilesHost {
  /** Evidence the user picked before (the recent list), opened again without a dialog: folders are expanded anew. */
  openPaths(chosen: string[]): Promise<PickedFile[]>;
}

export interface FilesOptions {
  /** Told what the user picked in the dialog (files and folders as chosen) and their files: the recent list. */
  onEvidence?: (chosen: string[], files: PickedFile[]) => void;
}

export function createFilesService(pickPaths: PickPaths, { onEvidence = () => {} }: FilesOptions = {}): FilesService {
  const picked = new Map<string, string>();

  const openPaths = async (chosen: string[]) => {
    const files: PickedFile[] = [];
    for (const one of chosen) {
      for (const file of await expand(one)) {
        const handle = randomUUID();
        picked.set(handle, file.path);
        files.push({ handle, name: path.basename(file.path), path: file.path, size: file.size });
      }
    }
    return files;
  };

  return {
    openPaths,

    async pickEvidence() {
      const chosen = await pickPaths();
      const files = await openPaths(chosen);
      if (files.length) onEvidence(chosen, files);
      return files;
    },

    async readChunk(handle, offset, length) {
      const file = typeof handle === 'string' ? picked.get(handle) : undefined;
      if (!file) throw new HostError('not-found', 'Unknown file handle: pick the evidence again.');
      if (!isCount(offset) || !isCount(length) || length > MAX_CHUNK) {
        throw new HostError('invalid', `Invalid chunk request (offset ${offset}, length ${length}).`);
      }
      const fh = await fs.open(file, 'r');
      try {
        const buffer = new Uint8Array(length);
        const { bytesRead } = await fh.read(buffer, 0, length, offset);
        return bytesRead === length ? buffer : buffer.slice(0, bytesRead);
      } finally {
        await fh.close();
      }
    },
  };
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/**
 * A chosen file as itself; a chosen folder as every regular file below it, sorted for a stable
 * order. Hidden entries (.git, .DS_Store) and symlinks inside folders are skipped: symlinks can
 * loop or lead outside what the user chose.
 */
export async function expand(chosen: string): Promise<{ path: string; size: number }[]> {
  const stat = await fs.stat(chosen);
  if (stat.isFile()) return [{ path: chosen, size: stat.size }];
  if (!stat.isDirectory()) return [];
  const out: { path: string; size: number }[] = [];
  const entries = await fs.readdir(chosen, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(chosen, entry.name);
    if (entry.isDirectory()) out.push(...(await expand(full)));
    else if (entry.isFile()) out.push({ path: full, size: (await fs.stat(full)).size });
  }
  return out;
}
