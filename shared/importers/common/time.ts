// Timestamps as evidence spells them (ISO text, epoch s/ms/µs/ns as number or string) to UTC nanoseconds.
import { epochToNanos, parseIsoNanos } from '../../model/time';
import type { Nanos } from '../../model/ids';

export function anyTimeToNanos(v: unknown): Nanos | undefined {
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
