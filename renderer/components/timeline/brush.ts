// Pixel ↔ time for the swimlane brush (pure, unit-tested): a drag across the strip becomes a time range.
export function timeAt(t0: bigint, t1: bigint, fraction: number): bigint {
  const f = Math.min(1, Math.max(0, fraction));
  return t0 + ((t1 - t0) * BigInt(Math.round(f * 1_000_000))) / 1_000_000n;
}

export function fractionOf(t0: bigint, t1: bigint, ts: bigint): number {
  if (t1 <= t0) return 0;
  return Math.min(1, Math.max(0, Number(((ts - t0) * 1_000_000n) / (t1 - t0)) / 1_000_000));
}

/** The range a drag selected, ordered; a click (no real drag) selects nothing. */
export function brushRange(t0: bigint, t1: bigint, a: number, b: number, minFraction = 0.005): { from: bigint; to: bigint } | null {
  if (Math.abs(a - b) < minFraction) return null;
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return { from: timeAt(t0, t1, lo), to: timeAt(t0, t1, hi) };
}
