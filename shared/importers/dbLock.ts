// Serialises imports into one database: ids are allocated as max(id)+1, which two concurrent imports would share.

const tails = new WeakMap<object, Promise<unknown>>();

export function withDbLock<T>(db: object, job: () => Promise<T>): Promise<T> {
  const prev = tails.get(db) ?? Promise.resolve();
  const next = prev.then(job, job);
  tails.set(db, next.catch(() => undefined));
  return next;
}
