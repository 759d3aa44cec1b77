// Small text helpers shared by the document exporters: times, durations, citations.
import type { Evidence } from '../analysis/types';

/** `10:07:00` from an ISO time (exports are UTC throughout; the date is given once in the header). */
export function clock(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)/.exec(iso);
  return m ? m[1].replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1') : iso;
}

/** `6m55s`, `30s`, `1h02m`; '—' for unknown. */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const neg = ms < 0;
  let s = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const text = h ? `${h}h${String(m).padStart(2, '0')}m` : m ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`;
  return neg ? `-${text}` : text;
}

/** `k8s-audit.jsonl:31` or `agent-trace.otlp.json:1#/resourceSpans/0/…`. */
export const citation = (e: Evidence): string => `${e.source}:${e.line}${e.pointer ? `#${e.pointer}` : ''}`;

export function dateOf(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}

export const msBetween = (a: string | null | undefined, b: string | null | undefined): number | null =>
  a && b ? Date.parse(b) - Date.parse(a) : null;
