import { describe, expect, it } from 'vitest';
import { anyTimeToNanos } from '../../../shared/importers/common/time';
import { parseIsoNanos } from '../../../shared/model/time';

describe('anyTimeToNanos', () => {
  it('agrees with parseIsoNanos on the cached fast path, across minutes and precisions', () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(2020, 0, 1) + Math.floor(rand() * 2e11);
      const iso = new Date(ms).toISOString();
      const digits = Math.floor(rand() * 10);
      const text = digits === 0 ? iso.replace(/\.\d+Z$/, 'Z') : iso.replace(/\.\d+Z$/, '.' + String(Math.floor(rand() * 1e9)).padStart(9, '0').slice(0, digits) + 'Z');
      expect(anyTimeToNanos(text), text).toBe(parseIsoNanos(text));
    }
  });

  it('reads epochs by magnitude and refuses nonsense', () => {
    expect(anyTimeToNanos(1795773600)).toBe(1795773600_000_000_000n);
    expect(anyTimeToNanos(1795773600123)).toBe(1795773600_123_000_000n);
    expect(anyTimeToNanos('1795773600123456789')).toBe(1795773600123456789n);
    expect(anyTimeToNanos(1795773600.5)).toBe(1795773600_500_000_000n);
    expect(anyTimeToNanos('2026-11-27T10:00:05.Z')).toBeUndefined();
    expect(anyTimeToNanos('yesterday')).toBeUndefined();
    expect(anyTimeToNanos(-1)).toBeUndefined();
    expect(anyTimeToNanos({})).toBeUndefined();
  });
});
