import { describe, expect, it } from 'vitest';
import { presentCommand, step } from '../../../../renderer/components/presentation/keys';

describe('presentation keys', () => {
  it('maps arrows, notes and leaving', () => {
    expect(['ArrowRight', 'ArrowLeft', 'n', 'Escape', 'x'].map(presentCommand)).toEqual(['next', 'prev', 'notes', 'close', null]);
  });
  it('keeps the index inside the deck', () => {
    expect(step(0, 3, 'prev')).toBe(0);
    expect(step(1, 3, 'next')).toBe(2);
    expect(step(2, 3, 'next')).toBe(2);
    expect(step(2, 3, 'first')).toBe(0);
    expect(step(0, 3, 'last')).toBe(2);
    expect(step(1, 3, 'notes')).toBe(1);
    // Before the slides arrive the deck is empty: an arrow must not move to -1.
    expect(step(0, 0, 'next')).toBe(0);
    expect(step(0, 0, 'last')).toBe(0);
  });
});
