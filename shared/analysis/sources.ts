// The sources section: every imported file with its integrity and counts.
import type { SourceRow } from '../queries/sources';
import type { SourceSummary } from './types';
import { iso } from './context';

export function summariseSources(rows: SourceRow[]): SourceSummary[] {
  return rows.map((s) => ({
    path: s.path,
    sha256: s.sha256,
    size: s.size,
    format: s.format,
    confidence: s.confidence,
    events: s.events,
    merged: s.merged,
    // Only when some record gave several events: the key's absence keeps earlier v1 outputs byte-identical.
    ...(s.derived ? { derived: s.derived } : {}),
    errors: s.errors,
    first_ts: s.minTs === null ? null : iso(s.minTs),
    last_ts: s.maxTs === null ? null : iso(s.maxTs),
    clock_offset_ms: Number(s.clockOffsetNs / 1_000_000n),
  }));
}
