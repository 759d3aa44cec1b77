// Timestamps as evidence spells them (ISO text, epoch s/ms/µs/ns as number or string) to UTC nanoseconds.
import { epochToNanos, parseIsoNanos } from '../../model/time';
import type { Nanos } from '../../model/ids';

let cachedMinute = '';
let cachedMinuteNs = 0n;

/**
 * The hot path of log import: `YYYY-MM-DDTHH:MM:SS[.frac]Z`. Lines of one file share the minute, so the
 * calendar arithmetic is cached and only seconds and fraction are read per line.
 */
function fastIsoZ(t: string): Nanos | undefined {
  const n = t.length;
  if (n < 20 || t.charCodeAt(n - 1) !== 90 /* Z */ || t.charCodeAt(16) !== 58 /* : */ || t.charCodeAt(10) !== 84 /* T */) return undefined;
  const minute = t.slice(0, 16);
  if (minute !== cachedMinute) {
    const base = parseIsoNanos(minute + ':00Z');
    if (base === undefined) return undefined;
    cachedMinute = minute;
    cachedMinuteNs = base;
  }
  const s1 = t.charCodeAt(17) - 48, s2 = t.charCodeAt(18) - 48;
  if (s1 < 0 || s1 > 6 || s2 < 0 || s2 > 9) return undefined;
  let frac = 0;
  let digits = 0;
  if (n > 20) {
    if (t.charCodeAt(19) !== 46 /* . */) return undefined;
    for (let i = 20; i < n - 1; i++) {
      const d = t.charCodeAt(i) - 48;
      if (d < 0 || d > 9 || digits >= 9) return undefined;
      frac = frac * 10 + d;
      digits++;
    }
    if (digits === 0) return undefined;
    frac *= 10 ** (9 - digits);
  }
  return (cachedMinuteNs + BigInt((s1 * 10 + s2) * 1e9 + frac)) as Nanos;
}

export function anyTimeToNanos(v: unknown): Nanos | undefined {
  if (typeof v === 'string') {
    const fast = fastIsoZ(v);
    if (fast !== undefined) return fast;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return undefined;
    // Avoid exponent notation, which epochToNanos does not read.
    return epochToNanos(Number.isInteger(v) ? BigInt(v).toString() : v.toFixed(9).replace(/0+$/, ''));
  }
  if (typeof v === 'bigint') return v >= 0n ? epochToNanos(v) : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (!t) return undefined;
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57 && t.length > 4 && t[4] === '-') return parseIsoNanos(t);
  return epochToNanos(t) ?? parseIsoNanos(t);
}
