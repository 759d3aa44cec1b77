import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, LIMITS, decodeLayout, encodeLayout, sizeAfterKey } from '../../../renderer/state/layout';

describe('layout', () => {
  it('moves a separator by the WAI-ARIA keys, within its limits', () => {
    expect(sizeAfterKey('timeline', 50, 'ArrowDown', 'ArrowDown', 'ArrowUp')).toBe(52);
    expect(sizeAfterKey('timeline', 50, 'ArrowUp', 'ArrowDown', 'ArrowUp')).toBe(48);
    expect(sizeAfterKey('timeline', 50, 'PageUp', 'ArrowDown', 'ArrowUp')).toBe(60);
    expect(sizeAfterKey('timeline', 79, 'ArrowDown', 'ArrowDown', 'ArrowUp')).toBe(LIMITS.timeline.max);
    expect(sizeAfterKey('left', 30, 'Home', 'ArrowRight', 'ArrowLeft')).toBe(LIMITS.left.min);
    expect(sizeAfterKey('left', 30, 'End', 'ArrowRight', 'ArrowLeft')).toBe(LIMITS.left.max);
    expect(sizeAfterKey('left', 30, 'Enter', 'ArrowRight', 'ArrowLeft')).toBeNull();
  });

  it('round-trips through its compact text and rejects malformed text', () => {
    const l = { left: 20, right: 30.5, timeline: 70, divergences: 40 };
    expect(encodeLayout(l)).toBe('20_30.5_70_40');
    expect(decodeLayout(encodeLayout(l))).toEqual(l);
    expect(encodeLayout(DEFAULT_LAYOUT)).toBe('');
    for (const bad of ['', null, '1_2_3', 'a_b_c_d', '20_30_70_40_1']) expect(decodeLayout(bad)).toBeNull();
  });
});
