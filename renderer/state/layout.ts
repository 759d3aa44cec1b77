// Panel sizes of the workspace, in percent of their container (pure, unit-tested): limits, keyboard steps,
// and the compact form kept in the URL hash and in localStorage.

export interface Layout {
  /** Left column (divergences, sources): share of the window's width. */
  left: number;
  /** Right column (inspector): share of the window's width. */
  right: number;
  /** Timeline: share of the middle column's height (the graph gets the rest). */
  timeline: number;
  /** Divergences: share of the left column's height (sources get the rest). */
  divergences: number;
}

export type LayoutKey = keyof Layout;

export const DEFAULT_LAYOUT: Layout = { left: 27, right: 24, timeline: 50, divergences: 60 };

export const LIMITS: Record<LayoutKey, { min: number; max: number }> = {
  left: { min: 15, max: 45 },
  right: { min: 12, max: 40 },
  timeline: { min: 20, max: 80 },
  divergences: { min: 15, max: 85 },
};

const KEYS: readonly LayoutKey[] = ['left', 'right', 'timeline', 'divergences'];

export function clampSize(key: LayoutKey, value: number): number {
  const { min, max } = LIMITS[key];
  return Math.round(Math.min(max, Math.max(min, value)) * 10) / 10;
}

/** The size a key press gives, or null for keys a separator ignores. `grow` is the key that makes the panel bigger. */
export function sizeAfterKey(key: LayoutKey, value: number, pressed: string, grow: string, shrink: string): number | null {
  const { min, max } = LIMITS[key];
  if (pressed === grow) return clampSize(key, value + 2);
  if (pressed === shrink) return clampSize(key, value - 2);
  if (pressed === 'PageUp') return clampSize(key, value + 10);
  if (pressed === 'PageDown') return clampSize(key, value - 10);
  if (pressed === 'Home') return min;
  if (pressed === 'End') return max;
  return null;
}

/** "30_24_50_60" (left, right, timeline, divergences), or '' for the default layout so a plain view keeps a clean URL. */
export function encodeLayout(l: Layout): string {
  if (KEYS.every((k) => l[k] === DEFAULT_LAYOUT[k])) return '';
  return KEYS.map((k) => String(l[k])).join('_');
}

/** The layout in a hash or storage value; null when absent or malformed (a bad value never breaks the window). */
export function decodeLayout(text: string | null | undefined): Layout | null {
  if (!text) return null;
  const parts = text.split('_').map(Number);
  if (parts.length !== KEYS.length || parts.some((n) => !Number.isFinite(n))) return null;
  const out = { ...DEFAULT_LAYOUT };
  KEYS.forEach((k, i) => (out[k] = clampSize(k, parts[i])));
  return out;
}

export const sameLayout = (a: Layout, b: Layout) => KEYS.every((k) => a[k] === b[k]);
