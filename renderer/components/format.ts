// Display formats for times, durations and sizes (UTC everywhere, as in the evidence).
import { toIso } from '../../shared/model/time';

export const clock = (ns: bigint | null | undefined) => (ns === null || ns === undefined ? '—' : toIso(ns).slice(11, 23));
export const isoClock = (iso: string | null | undefined) => (iso ? iso.slice(11, 19) : '—');

export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`);
