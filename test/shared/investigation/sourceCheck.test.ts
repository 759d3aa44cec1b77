import { describe, expect, it } from 'vitest';
import { compareSources, describeSourceChecks, type InvestigationManifest } from '../../../shared/investigation';

const manifest = {
  sources: [
    { id: 1, path: 'a.jsonl', size: 1, sha256: 'AA'.repeat(32), format: 'x', clock_offset_ns: '0' },
    { id: 2, path: 'b.jsonl', size: 1, sha256: 'bb'.repeat(32), format: 'x', clock_offset_ns: '0' },
    { id: 3, path: 'c.jsonl', size: 1, sha256: 'cc'.repeat(32), format: 'x', clock_offset_ns: '0' },
  ],
} as InvestigationManifest;

describe('evidence files checked against the manifest', () => {
  it('tells matching, changed and missing files apart (hash case does not matter)', () => {
    const checks = compareSources(manifest, new Map([['a.jsonl', 'aa'.repeat(32)], ['b.jsonl', 'ff'.repeat(32)]]));
    expect(checks.map((c) => c.status)).toEqual(['match', 'mismatch', 'missing']);
    expect(describeSourceChecks(checks)).toBe('1/2 evidence files found on disk match the recorded sha256; changed since import: b.jsonl');
    expect(describeSourceChecks(compareSources(manifest, new Map()))).toMatch(/not found/);
  });
});
