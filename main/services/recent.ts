// Recently opened or saved investigations and picked evidence, kept in userData: the one list behind the
// start screen and File ▸ Open Recent. Newest first, no duplicates, capped; a broken file just starts empty.
// Entries are only ever added by the main process (dialogs, saves), never from a path the page sends.
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RecentEntry } from '../../shared/ipc/host';
import { writeFileAtomic } from './atomicWrite';

export const MAX_RECENT = 10;
const STORE_VERSION = 2;

/** An entry as stored: what the page sees, minus the disk check. */
export type StoredRecent = Omit<RecentEntry, 'missing'>;

export interface RecentStore {
  list(): StoredRecent[];
  get(id: string): StoredRecent | undefined;
  /** Puts it first; the same kind and paths keep their id, so the menu and the page agree on it. */
  add(kind: RecentEntry['kind'], paths: string[], size?: number, at?: Date): Promise<StoredRecent>;
  remove(id: string): Promise<void>;
  /** Locate…: the entry now points at `paths`, keeps its id and moves first. */
  relocate(id: string, paths: string[], size?: number, at?: Date): Promise<StoredRecent | undefined>;
  clear(): Promise<void>;
  /** Called after every change (the menu rebuilds); returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** Resolves once every change so far is on disk (changes made through hooks are not awaited by their callers). */
  written(): Promise<void>;
}

/** Only investigation files are worth remembering as investigations: exports (.md, .html…) are not reopened. */
export const isInvestigationFile = (file: string) => path.extname(file).toLowerCase() === '.driftline';

export function recentName(paths: string[]): string {
  const first = path.basename(paths[0] ?? '') || (paths[0] ?? '');
  return paths.length > 1 ? `${first} and ${paths.length - 1} more` : first;
}

const keyOf = (kind: string, paths: string[]) => `${kind}\n${[...paths].sort().join('\n')}`;

export function createRecentStore(storeFile: string, max = MAX_RECENT): RecentStore {
  let items = load(storeFile);
  const listeners = new Set<() => void>();
  let writing: Promise<void> = Promise.resolve();

  // Writes run one after another, each with the list as it is then, so a slow write never lands last with old contents.
  const commit = (next: StoredRecent[]): Promise<void> => {
    items = next.slice(0, max);
    for (const l of listeners) l();
    const write = () => writeFileAtomic(storeFile, new TextEncoder().encode(JSON.stringify({ version: STORE_VERSION, recent: items }, null, 2)));
    writing = writing.then(write, write);
    return writing;
  };

  const place = (entry: StoredRecent, others: StoredRecent[]) => {
    const key = keyOf(entry.kind, entry.paths);
    return [entry, ...others.filter((i) => i.id !== entry.id && keyOf(i.kind, i.paths) !== key)];
  };

  return {
    list: () => items.map((i) => ({ ...i, paths: [...i.paths] })),
    written: () => writing.catch(() => undefined),
    get: (id) => items.find((i) => i.id === id),

    async add(kind, paths, size, at = new Date()) {
      const resolved = paths.map((p) => path.resolve(p));
      const same = items.find((i) => keyOf(i.kind, i.paths) === keyOf(kind, resolved));
      const entry = withSize({ id: same?.id ?? randomUUID(), kind, name: recentName(resolved), paths: resolved, at: at.toISOString() }, size);
      await commit(place(entry, items));
      return entry;
    },

    async remove(id) {
      if (items.some((i) => i.id === id)) await commit(items.filter((i) => i.id !== id));
    },

    async relocate(id, paths, size, at = new Date()) {
      const old = items.find((i) => i.id === id);
      if (!old) return undefined;
      const resolved = paths.map((p) => path.resolve(p));
      const entry = withSize({ id, kind: old.kind, name: recentName(resolved), paths: resolved, at: at.toISOString() }, size);
      await commit(place(entry, items));
      return entry;
    },

    async clear() {
      if (items.length) await commit([]);
    },

    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

const withSize = (entry: StoredRecent, size: number | undefined): StoredRecent =>
  typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? { ...entry, size } : entry;

function load(storeFile: string): StoredRecent[] {
  let parsed: { version?: unknown; recent?: unknown };
  try {
    parsed = JSON.parse(readFileSync(storeFile, 'utf8')) as typeof parsed;
  } catch {
    return [];
  }
  if (!Array.isArray(parsed?.recent)) return [];
  // Version 1 held investigation paths only, without times: the file's own time is the best guess.
  if (parsed.version === 1) {
    return parsed.recent
      .filter((r): r is string => typeof r === 'string' && path.isAbsolute(r) && isInvestigationFile(r))
      .map((file) => ({ id: randomUUID(), kind: 'investigation' as const, name: recentName([file]), paths: [file], at: modifiedAt(file) }));
  }
  return parsed.recent.filter(isStored).map((r) => withSize({ id: r.id, kind: r.kind, name: r.name, paths: r.paths, at: r.at }, r.size));
}

/** Someone may edit userData by hand: keep only entries that could have come from this file's own writer. */
function isStored(x: unknown): x is StoredRecent {
  const r = x as StoredRecent | null;
  if (!r || typeof r !== 'object' || typeof r.id !== 'string' || !r.id || typeof r.name !== 'string' || typeof r.at !== 'string') return false;
  if (!Array.isArray(r.paths) || !r.paths.length || !r.paths.every((p) => typeof p === 'string' && path.isAbsolute(p))) return false;
  if (r.kind === 'investigation') return r.paths.length === 1 && isInvestigationFile(r.paths[0]);
  return r.kind === 'evidence';
}

function modifiedAt(file: string): string {
  try {
    return statSync(file).mtime.toISOString();
  } catch {
    return new Date().toISOString();
  }
}
