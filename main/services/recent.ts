// Recently opened or saved investigations, kept in userData so a later version of the menu and the
// start screen can offer them. Newest first, no duplicates, capped; a broken file just starts empty.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomicWrite';

export const MAX_RECENT = 10;

export interface RecentList {
  list(): string[];
  add(file: string): Promise<void>;
}

export function createRecentList(storeFile: string, max = MAX_RECENT): RecentList {
  let items = load(storeFile);
  return {
    list: () => [...items],
    async add(file) {
      const resolved = path.resolve(file);
      items = [resolved, ...items.filter((i) => i !== resolved)].slice(0, max);
      await writeFileAtomic(storeFile, new TextEncoder().encode(JSON.stringify({ version: 1, recent: items }, null, 2)));
    },
  };
}

function load(storeFile: string): string[] {
  try {
    const parsed = JSON.parse(readFileSync(storeFile, 'utf8')) as { recent?: unknown };
    return Array.isArray(parsed.recent) ? parsed.recent.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}
