import { describe, expect, it } from 'vitest';
import { pngScale, svgSize } from '../../../renderer/components/exportPng';

describe('PNG of the graph', () => {
  it('reads the size the SVG export declares', () => {
    expect(svgSize('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1830" height="412" viewBox="0 0 1830 412">')).toEqual({ width: 1830, height: 412 });
  });
  it('draws at 2x unless that would exceed what a canvas can hold', () => {
    expect(pngScale(1830, 412)).toBe(2);
    // A very long incident: the longest side stays at 16,000 px.
    expect(pngScale(40_000, 600)).toBeCloseTo(0.4);
    // A huge square: the area stays under 100 M px.
    const s = pngScale(9000, 9000);
    expect(9000 * s * 9000 * s).toBeLessThanOrEqual(100_000_000 + 1);
    expect(() => pngScale(0, 10)).toThrow(/no size/);
  });
});
