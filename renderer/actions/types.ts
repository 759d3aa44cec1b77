// A user verb: what it is called, its keyboard shortcut, and what it does (one per file, after Excalidraw).
import type { AppServices } from '../state/context';

export interface Shortcut {
  key: string;
  /** Ctrl on Linux/Windows, ⌘ on macOS. */
  mod?: boolean;
  shift?: boolean;
}

export interface Action {
  id: string;
  label: string;
  shortcut?: Shortcut;
  run(services: AppServices): void | Promise<void>;
}

export function shortcutText(s: Shortcut | undefined, mac = /Mac/.test(navigator.platform)): string {
  if (!s) return '';
  const parts = [s.mod ? (mac ? '⌘' : 'Ctrl') : '', s.shift ? 'Shift' : '', s.key.length === 1 ? s.key.toUpperCase() : s.key];
  return parts.filter(Boolean).join('+');
}

export function matches(s: Shortcut, e: KeyboardEvent): boolean {
  const mod = e.ctrlKey || e.metaKey;
  return e.key.toLowerCase() === s.key.toLowerCase() && !!s.mod === mod && (s.shift === undefined || !!s.shift === e.shiftKey);
}
