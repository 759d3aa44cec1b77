// Time → x for the causal graph. Order and nearness matter there, not wall-clock proportion (the timeline's
// swimlanes keep a linear axis): so gaps up to `linearSec` are linear and longer quiet gaps are compressed
// logarithmically, which keeps a 30-minute investigation with a 5-minute burst readable at one zoom.

export interface TimeScale {
  t0: bigint;
  t1: bigint;
  width: number;
  x(ts: bigint): number;
}

export interface ScaleOptions {
  /** Pixels per second inside the linear range. */
  pxPerSec?: number;
  linearSec?: number;
  /** Stretch or shrink the result to this width, so the graph's aspect suits a panel. */
  targetWidth?: number;
}

const NS = 1_000_000_000;

export function gapWidth(gapSec: number, pxPerSec: number, linearSec: number): number {
  if (gapSec <= linearSec) return gapSec * pxPerSec;
  return (linearSec + linearSec * Math.log(gapSec / linearSec)) * pxPerSec;
}

export function compressedScale(times: readonly bigint[], opts: ScaleOptions = {}): TimeScale {
  const pxPerSec = opts.pxPerSec ?? 14;
  const linearSec = opts.linearSec ?? 10;
  const ts = [...new Set(times)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const xs: number[] = new Array(ts.length);
  let x = 0;
  for (let i = 0; i < ts.length; i++) {
    if (i > 0) x += gapWidth(Number(ts[i] - ts[i - 1]) / NS, pxPerSec, linearSec);
    xs[i] = x;
  }
  const k = opts.targetWidth && x > 0 ? opts.targetWidth / x : 1;
  for (let i = 0; i < xs.length; i++) xs[i] *= k;
  x *= k;
  const t0 = ts[0] ?? 0n;
  const t1 = ts[ts.length - 1] ?? 0n;
  return {
    t0,
    t1,
    width: x,
    x(t: bigint) {
      if (!ts.length) return 0;
      // Binary search for the last known time ≤ t, then interpolate within its gap.
      let lo = 0;
      let hi = ts.length - 1;
      if (t <= ts[0]) return 0;
      if (t >= ts[hi]) return xs[hi];
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (ts[mid] <= t) lo = mid;
        else hi = mid;
      }
      const frac = Number(t - ts[lo]) / Number(ts[hi] - ts[lo]);
      return xs[lo] + frac * (xs[hi] - xs[lo]);
    },
  };
}
