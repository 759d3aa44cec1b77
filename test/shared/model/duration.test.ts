import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../shared/model/duration';

const ns = (text: string) => {
  const r = parseDuration(text);
  if (!r.ok) throw new Error(r.error);
  return r.ns;
};
const error = (text: string) => {
  const r = parseDuration(text);
  if (r.ok) throw new Error(`"${text}" parsed as ${r.ns}`);
  return r.error;
};

describe('parseDuration', () => {
  it('reads signed values with units, with or without a space', () => {
    expect(ns('+2.5 s')).toBe(2_500_000_000n);
    expect(ns('-300ms')).toBe(-300_000_000n);
    expect(ns('−1.5 min')).toBe(-90_000_000_000n);
    expect(ns('750 µs')).toBe(750_000n);
    expect(ns('750us')).toBe(750_000n);
    expect(ns('12ns')).toBe(12n);
    expect(ns('2 hours')).toBe(7_200_000_000_000n);
    expect(ns('1d')).toBe(86_400_000_000_000n);
  });

  it('adds compound parts, the sign applying to the whole', () => {
    expect(ns('1h 30m')).toBe(5_400_000_000_000n);
    expect(ns('-1m30s')).toBe(-90_000_000_000n);
    expect(ns('2s 500ms')).toBe(2_500_000_000n);
  });

  it('takes a bare number as milliseconds, like --clock-offset PATH=MS always did', () => {
    expect(ns('1500')).toBe(1_500_000_000n);
    expect(ns('-0.5')).toBe(-500_000n);
    expect(ns('0')).toBe(0n);
  });

  it('reads ISO-8601 durations with weeks, days and fractions', () => {
    expect(ns('PT2.5S')).toBe(2_500_000_000n);
    expect(ns('-PT5M')).toBe(-300_000_000_000n);
    expect(ns('P1DT2H')).toBe(93_600_000_000_000n);
    expect(ns('pt1h30m')).toBe(5_400_000_000_000n);
    expect(ns('P1W')).toBe(7n * 86_400_000_000_000n);
    expect(ns('PT0.000000001S')).toBe(1n);
  });

  it('keeps nanosecond precision without floating point', () => {
    expect(ns('1.000000001 s')).toBe(1_000_000_001n);
    expect(ns('9007199254.740993 s')).toBe(9_007_199_254_740_993_000n);
  });

  it('explains what is wrong instead of guessing', () => {
    expect(error('')).toMatch(/empty/);
    expect(error('2 fortnights')).toMatch(/"fortnights" is not a unit/);
    expect(error('abc')).toMatch(/Cannot read "abc"/);
    expect(error('P1M')).toMatch(/years or months/);
    expect(error('P1Y2D')).toMatch(/years or months/);
    expect(error('PT')).toMatch(/ISO-8601/);
    expect(error('1.2.3 s')).toMatch(/Cannot read/);
    expect(error('5 s 3')).toMatch(/"3" needs a unit/);
  });
});

describe('formatDuration', () => {
  it('picks a readable unit', () => {
    expect(formatDuration(0n)).toBe('0 s');
    expect(formatDuration(2_500_000_000n)).toBe('+2.5 s');
    expect(formatDuration(-300_000_000n)).toBe('-300 ms');
    expect(formatDuration(1_500n)).toBe('+1.5 µs');
    expect(formatDuration(7n)).toBe('+7 ns');
    expect(formatDuration(-5_400_000_000_000n)).toBe('-1h 30m');
    expect(formatDuration(90_500_000_000n)).toBe('+90.5 s');
  });

  it('reads back to the same value', () => {
    for (const v of [1n, -999n, 1_000_001n, 2_500_000_000n, -86_400_000_000_000n, 93_784_000_000_000n, 123_456_789_012n]) {
      expect(ns(formatDuration(v))).toBe(v);
    }
  });
});
