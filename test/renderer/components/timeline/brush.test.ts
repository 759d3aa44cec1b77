import { describe, expect, it } from 'vitest';
import { brushRange, fractionOf, timeAt } from '../../../../renderer/components/timeline/brush';

const t0 = 1_795_000_000_000_000_000n;
const t1 = t0 + 600_000_000_000n; // ten minutes later

describe('brush', () => {
  it('maps fractions to times and back, clamped to the axis', () => {
    expect(timeAt(t0, t1, 0.5)).toBe(t0 + 300_000_000_000n);
    expect(timeAt(t0, t1, -1)).toBe(t0);
    expect(timeAt(t0, t1, 2)).toBe(t1);
    expect(fractionOf(t0, t1, t0 + 150_000_000_000n)).toBeCloseTo(0.25);
    expect(fractionOf(t0, t0, t0)).toBe(0);
  });

  it('orders a right-to-left drag and ignores a click', () => {
    expect(brushRange(t0, t1, 0.75, 0.25)).toEqual({ from: t0 + 150_000_000_000n, to: t0 + 450_000_000_000n });
    expect(brushRange(t0, t1, 0.5, 0.501)).toBeNull();
  });
});
