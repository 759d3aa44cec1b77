import { describe, expect, it } from 'vitest';
import { wireParams } from '../../../shared/db/params';

describe('wireParams', () => {
  it('turns nanosecond bigints into exact decimal text (JSON cannot carry bigint)', () => {
    const ns = 1_795_000_000_123_456_789n;
    const [p] = wireParams([ns]);
    expect(p).toBe('1795000000123456789');
    expect(BigInt(p as string)).toBe(ns);
    expect(() => JSON.stringify(wireParams([ns, 1n, null, 'x', true]))).not.toThrow();
  });

  it('keeps small bigints numeric and leaves other values alone', () => {
    expect(wireParams([5n, -7n, 3, 'a', null, false])).toEqual([5, -7, 3, 'a', null, false]);
  });
});
