// Writes a file so that a crash at any moment leaves either the old contents or the new, never a
// torn mix: write a temp file in the same directory, flush it to disk, then rename over the target.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Name of the temp file for `target`; dot-prefixed so folder views and importers ignore it. */
export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const tmp = tempPathFor(target);
  // Keep the permissions of a file we replace (a user may have made it private).
  const mode = await fs.stat(target).then((s) => s.mode & 0o777, () => 0o644);
  const handle = await fs.open(tmp, 'wx', mode);
  try {
    try {
      await handle.writeFile(data);
      // Without fsync the rename can reach the disk before the data: after a power cut the
      // target would exist with zero length.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await syncDirectory(path.dirname(target));
}

/** Persists the rename itself; not possible on Windows, where opening a directory fails. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: the rename is already atomic; this only narrows the power-loss window.
  } finally {
    await handle?.close();
  }
}
