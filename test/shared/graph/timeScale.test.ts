import { describe, expect, it } from 'vitest';
import { compressedScale, gapWidth } from '../../../shared/graph/timeScale';
import { sec } from './fixtures';

describe('compressedScale', () => {
  it('is linear inside short gaps and strictly increasing', () => {
    const s = compressedScale([sec(0), sec(2), sec(4), sec(5)], { pxPerSec: 10, linearSec: 10 });
    expect([sec(0), sec(2), sec(4), sec(5)].map(s.x)).toEqual([0, 20, 40, 50]);
    expect(s.x(sec(3))).toBeCloseTo(30);
  });

  it('compresses long quiet gaps: ten minutes takes far less than sixty times ten seconds', () => {
    expect(gapWidth(600, 10, 10)).toBeLessThan(gapWidth(10, 10, 10) * 10);
    expect(gapWidth(600, 10, 10)).toBeGreaterThan(gapWidth(60, 10, 10));
  });

  it('stretches to a target width and clamps times outside the range', () => {
    const s = compressedScale([sec(0), sec(30), sec(900)], { targetWidth: 1000 });
    expect(s.width).toBeCloseTo(1000);
    expect(s.x(sec(900))).toBeCloseTo(1000);
    expect(s.x(sec(-5))).toBe(0);
    expect(s.x(sec(5000))).toBeCloseTo(1000);
  });

  it('handles one timestamp and none', () => {
    expect(compressedScale([sec(1)]).x(sec(1))).toBe(0);
    expect(compressedScale([]).x(sec(1))).toBe(0);
  });
});
