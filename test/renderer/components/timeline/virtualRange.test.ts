import { describe, expect, it } from 'vitest';
import { pagesFor, scrollToReveal, visibleRange } from '../../../../renderer/components/timeline/virtualRange';

describe('visibleRange', () => {
  it('renders only the rows in view plus overscan', () => {
    expect(visibleRange(0, 240, 24, 1_000_000, 5)).toEqual({ first: 0, last: 15 });
    expect(visibleRange(24_000, 240, 24, 1_000_000, 5)).toEqual({ first: 995, last: 1015 });
  });

  it('never runs past the end or before the start', () => {
    expect(visibleRange(0, 2400, 24, 10)).toEqual({ first: 0, last: 10 });
    expect(visibleRange(10_000, 240, 24, 10)).toEqual({ first: 10, last: 10 });
  });
});

describe('pagesFor', () => {
  it('lists the pages a range touches', () => {
    expect(pagesFor({ first: 250, last: 520 }, 256)).toEqual([0, 1, 2]);
    expect(pagesFor({ first: 0, last: 256 }, 256)).toEqual([0]);
    expect(pagesFor({ first: 5, last: 5 }, 256)).toEqual([]);
  });
});

describe('scrollToReveal', () => {
  it('leaves the scroll alone when the row is visible, else puts it a third down', () => {
    expect(scrollToReveal(3, 0, 240, 24)).toBeNull();
    expect(scrollToReveal(100, 0, 240, 24)).toBe(2400 - 80);
    expect(scrollToReveal(0, 500, 240, 24)).toBe(0);
  });
});
