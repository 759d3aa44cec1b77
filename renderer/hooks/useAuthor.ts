// The annotation author: asked once, kept in localStorage (a preference, not part of any investigation).
import { useSyncExternalStore } from 'react';

const KEY = 'driftline.author';
const listeners = new Set<() => void>();

export function getAuthor(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function setAuthor(name: string): void {
  try {
    localStorage.setItem(KEY, name.trim());
  } catch {
    // A browser without storage still annotates for this session; nothing else to do.
  }
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useAuthor(): string {
  return useSyncExternalStore(subscribe, getAuthor);
}
