// Recently opened or saved investigations and imported evidence, for the empty state. Kept in localStorage
// (name, when, size): a browser cannot reopen a file by itself, so an entry is a reminder with an "Open…"
// action, not a handle. Newest first, no duplicates, capped; unreadable storage just means no list.

export interface RecentItem {
  kind: 'investigation' | 'evidence';
  /** What to call it: the file name, or the first file's name and how many more. */
  name: string;
  /** Full path where the host has paths (Electron), else the name; the key that makes an entry unique. */
  path: string;
  /** Bytes (all files, for evidence). */
  size: number;
  /** ISO time it was last opened or saved. */
  at: string;
}

export interface Recents {
  list(): RecentItem[];
  add(item: Omit<RecentItem, 'at'>, at?: Date): void;
}

export const MAX_RECENTS = 8;
const KEY = 'driftline.recent';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

export function createRecents(storage: Storage | null = safeLocalStorage()): Recents {
  const read = (): RecentItem[] => {
    try {
      const parsed = JSON.parse(storage?.getItem(KEY) ?? '[]') as unknown;
      return Array.isArray(parsed) ? parsed.filter(isItem) : [];
    } catch {
      return [];
    }
  };
  return {
    list: read,
    add(item, at = new Date()) {
      const entry: RecentItem = { ...item, at: at.toISOString() };
      const items = [entry, ...read().filter((r) => !(r.kind === item.kind && r.path === item.path))].slice(0, MAX_RECENTS);
      try {
        storage?.setItem(KEY, JSON.stringify(items));
      } catch {
        // storage full or disabled: the list is a convenience, the work itself is unaffected
      }
    },
  };
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
