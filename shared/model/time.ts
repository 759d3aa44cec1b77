// Conversions between the textual times found in evidence and UTC nanoseconds.
import { nanos, type Nanos } from './ids';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses RFC 3339 / ISO-8601 text with up to nanosecond precision.
 * A time without zone is taken as UTC. Returns undefined when the text is not a time.
 */
export function parseIsoNanos(text: string): Nanos | undefined {
  const m = ISO_RE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  if (Number.isNaN(ms)) return undefined;
  let offsetMin = 0;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMin = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2, 4));
  }
  const fracNs = BigInt((frac + '000000000').slice(0, 9));
  return nanos(BigInt(ms - offsetMin * 60_000) * 1_000_000n + fracNs);
}

/** Interprets a number as epoch seconds, milliseconds, microseconds or nanoseconds by magnitude. */
export function epochToNanos(value: number | bigint | string): Nanos | undefined {
  const text = String(value).trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const [whole, frac = ''] = text.split('.');
  const digits = whole.length;
  // 1e9 s ≈ 2001; pick the unit that puts the value between 1973 and 2286.
  const scale = digits <= 10 ? 9 : digits <= 13 ? 6 : digits <= 16 ? 3 : 0;
  const fracNs = scale > 0 ? BigInt((frac + '000000000').slice(0, scale)) : 0n;
  return nanos(BigInt(whole) * 10n ** BigInt(scale) + fracNs);
}

/** Formats nanoseconds as ISO-8601 UTC, keeping millisecond precision (nanoseconds when present). */
export function toIso(ns: bigint): string {
  const ms = ns / 1_000_000n;
  const subMs = ns % 1_000_000n;
  const base = new Date(Number(ms)).toISOString();
  if (subMs === 0n) return base;
  return base.replace('Z', String(subMs).padStart(6, '0').replace(/0+$/, '') + 'Z');
}

export const NS_PER_MS = 1_000_000n;
export const nsToMs = (ns: bigint) => Number(ns / NS_PER_MS);
