// How each source's times were obtained, in words for the Sources panel and the CLI: from the file, or,
// for transcripts that have none, anchored to a start time, to other evidence (an audit record of one of its
// tool calls, a trace span naming one of its call ids), or to the epoch; for syslog, with a year assumed.
import type { SourcePlacementRow } from '../queries/sourceTiming';
import type { SourceAnchoring } from './types';

export type TimeBasis = 'file' | SourceAnchoring['basis'];

export interface Placement {
  basis: TimeBasis;
  note: string;
}

export function describePlacement(row: SourcePlacementRow | undefined, clockOffsetNs: bigint): Placement {
  if (row && row.anchoredToEpoch > 0) {
    const a = row.anchor;
    // An automatic anchoring holds while the source keeps the offset it set; a start time set later wins.
    if (a && a.basis !== 'none' && BigInt(a.offsetNs) === clockOffsetNs) return { basis: a.basis, note: `no times in the file: ${a.note}` };
    if (clockOffsetNs !== 0n) return { basis: 'no_times', note: 'no times in the file: placed at the start time you set' };
    const searched = a?.basis === 'none' ? `; ${a.note}` : '';
    return { basis: 'no_times', note: `no times in the file: placed at 0 (1970-01-01, one step per second)${searched}; set a start time` };
  }
  if (row && row.anchoredToStart > 0) return { basis: 'start_given', note: 'no times in the file: anchored to the start time you gave' };
  if (row && row.yearAssumed !== null) {
    return { basis: 'year_assumed', note: `times from the file, which gives no year: ${row.yearAssumed} assumed (RFC 3164 syslog)` };
  }
  return { basis: 'file', note: 'times from the file' };
}
