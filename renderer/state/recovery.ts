// Recovery copies in IndexedDB: where autosave writes when there is no file to write to (a browser cannot
// write a file silently; Electron before the first Save). One copy per window session, newest offered on start.

const DB_NAME = 'driftline-recovery';
const STORE = 'copies';
/** Older sessions beyond this are dropped, so the browser's storage does not fill up with old cases. */
const KEEP = 3;

export interface RecoveryCopy {
  session: string;
  /** ISO time of the copy. */
  savedAt: string;
  /** What the copy holds, in words, for the restore offer ("412 events, 3 annotations"). */
  summary: string;
  bytes: Uint8Array;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('this browser has no IndexedDB storage'));
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'session' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function tx<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await openDb();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const req = fn(t.objectStore(STORE));
      // Resolve on commit, not on the request: a write is kept only once its transaction completes.
      t.oncomplete = () => resolve(req ? req.result : undefined);
      t.onerror = () => reject(t.error ?? new Error('IndexedDB write failed'));
      t.onabort = () => reject(t.error ?? new Error('IndexedDB write was aborted (storage full?)'));
    });
  } finally {
    db.close();
  }
}

export async function putCopy(copy: RecoveryCopy): Promise<void> {
  await tx('readwrite', (s) => s.put(copy));
  await prune();
}

/** Every copy, newest first. */
export async function listCopies(): Promise<RecoveryCopy[]> {
  const all = (await tx<RecoveryCopy[]>('readonly', (s) => s.getAll() as IDBRequest<RecoveryCopy[]>)) ?? [];
  return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function deleteCopy(session: string): Promise<void> {
  await tx('readwrite', (s) => s.delete(session));
}

async function prune(): Promise<void> {
  const old = (await listCopies()).slice(KEEP);
  for (const c of old) await deleteCopy(c.session);
}
