import { describe, expect, it } from 'vitest';
import { epochToNanos, parseIsoNanos, toIso } from '../../../shared/model/time';

describe('time', () => {
  it('parses RFC 3339 with nanoseconds and zones to UTC nanoseconds', () => {
    expect(parseIsoNanos('2026-11-28T10:03:00.123456789Z')).toBe(1795860180123456789n);
    expect(parseIsoNanos('2026-11-28T21:03:00.5+11:00')).toBe(1795860180500000000n);
    expect(parseIsoNanos('not a time')).toBeUndefined();
  });

  it('reads epoch numbers by magnitude', () => {
    expect(epochToNanos(1795860180)).toBe(1795860180000000000n);
    expect(epochToNanos(1795860180123)).toBe(1795860180123000000n);
    expect(epochToNanos('1795860180.25')).toBe(1795860180250000000n);
    expect(epochToNanos('1795860180123456789')).toBe(1795860180123456789n);
  });

  it('formats back to ISO-8601 UTC', () => {
    expect(toIso(1795860180123000000n)).toBe('2026-11-28T10:03:00.123Z');
    expect(toIso(1795860180123456789n)).toBe('2026-11-28T10:03:00.123456789Z');
  });
});
