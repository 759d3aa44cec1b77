// Remembers where the window was, in userData, and refuses saved bounds that would put it off
// every screen (an unplugged monitor must not leave the window invisible).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface WindowState extends Rect {
  maximized: boolean;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

export function parseWindowState(text: string): WindowState | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const s = raw as Partial<WindowState> | null;
  if (!s || !isInt(s.x) || !isInt(s.y) || !isInt(s.width) || !isInt(s.height)) return undefined;
  if (s.width < 200 || s.height < 150) return undefined;
  return { x: s.x, y: s.y, width: s.width, height: s.height, maximized: s.maximized === true };
}

/** True when enough of the window's title bar area lies on some screen to grab it. */
export function isReachable(bounds: Rect, workAreas: readonly Rect[]): boolean {
  const grip = { x: bounds.x, y: bounds.y, width: bounds.width, height: 40 };
  return workAreas.some((a) => {
    const w = Math.min(grip.x + grip.width, a.x + a.width) - Math.max(grip.x, a.x);
    const h = Math.min(grip.y + grip.height, a.y + a.height) - Math.max(grip.y, a.y);
    return w >= 100 && h >= 20;
  });
}

export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const state = parseWindowState(text);
  return state && isReachable(state, workAreas) ? state : undefined;
}

/** Synchronous: it runs from the window's close handler, just before the process may exit. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, file);
  } catch {
    // Losing the window position is not worth an error dialog.
  }
}
