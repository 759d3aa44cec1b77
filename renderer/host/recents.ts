// The browser's recent list: investigations opened or saved and evidence imported, kept in localStorage
// (name, when, size). A browser cannot reopen a file by itself, so an entry is a reminder whose "Open…"
// asks for the file again, not a handle. Newest first, no duplicates, capped; unreadable storage just
// means no list. (Electron's list lives in the main process; see main/services/recent.ts.)
import type { RecentEntry, RecentHost } from '../../shared/ipc/host';

/** One entry as stored in localStorage (the format the first version wrote, kept so lists survive). */
export interface RecentItem {
  kind: 'investigation' | 'evidence';
  /** What to call it: the file name, or the first file's name and how many more. */
  name: string;
  /** The file names, one per line: what makes an entry unique. */
  path: string;
  /** Bytes (all files, for evidence). */
  size: number;
  /** ISO time it was last opened or saved. */
  at: string;
}

export interface BrowserRecents extends RecentHost {
  add(item: Omit<RecentItem, 'at'>, at?: Date): void;
}

export const MAX_RECENTS = 8;
const KEY = 'driftline.recent';

/** Why a browser entry has no one-click reopen, in the words the page shows. */
export const PICK_AGAIN = 'A browser cannot reopen a file by itself: choose Open… and pick the same file again.';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

const idOf = (r: Pick<RecentItem, 'kind' | 'path'>) => `${r.kind}:${r.path}`;

export function createRecents(storage: Storage | null = safeLocalStorage()): BrowserRecents {
  const read = (): RecentItem[] => {
    try {
      const parsed = JSON.parse(storage?.getItem(KEY) ?? '[]') as unknown;
      return Array.isArray(parsed) ? parsed.filter(isItem) : [];
    } catch {
      return [];
    }
  };
  const write = (items: RecentItem[]) => {
    try {
      storage?.setItem(KEY, JSON.stringify(items.slice(0, MAX_RECENTS)));
    } catch {
      // storage full or disabled: the list is a convenience, the work itself is unaffected
    }
  };
  const cannot = async (): Promise<never> => {
    throw Object.assign(new Error(PICK_AGAIN), { name: 'HostError', kind: 'invalid' });
  };
  return {
    async list() {
      return read().map(toEntry);
    },
    add(item, at = new Date()) {
      const entry: RecentItem = { ...item, at: at.toISOString() };
      write([entry, ...read().filter((r) => idOf(r) !== idOf(item))]);
    },
    async remove(id) {
      const items = read();
      const kept = items.filter((r) => idOf(r) !== id);
      if (kept.length !== items.length) write(kept);
    },
    open: cannot,
    locate: cannot,
  };
}

function toEntry(r: RecentItem): RecentEntry {
  return { id: idOf(r), kind: r.kind, name: r.name, paths: r.path.split('\n'), size: r.size, at: r.at };
}

/** One entry for a batch of evidence files: named by the first, "and N more". */
export function evidenceItem(files: { name: string; path: string; size: number }[]): Omit<RecentItem, 'at'> | null {
  if (!files.length) return null;
  const paths = files.map((f) => f.path).sort();
  const more = files.length > 1 ? ` and ${files.length - 1} more` : '';
  return { kind: 'evidence', name: `${files[0].name}${more}`, path: paths.join('\n'), size: files.reduce((n, f) => n + f.size, 0) };
}

function isItem(x: unknown): x is RecentItem {
  const r = x as RecentItem;
  return !!r && (r.kind === 'investigation' || r.kind === 'evidence') && typeof r.name === 'string' && typeof r.path === 'string' && typeof r.size === 'number' && typeof r.at === 'string';
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
