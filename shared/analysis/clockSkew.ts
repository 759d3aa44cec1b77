// Clock skew between sources that share trace ids: a child span must lie within its parent and a log
// line within the span it names. When events of one file fall outside their enclosing span in another,
// that file's clock (or the other's) is off. The shift nearest zero that puts the most pairs in place is
// reported: all of them when one shift fits (skew), most of them when none does (drift).
import type { Db } from '../db/db';
import { getEventPlaces, getSkewSweep, type SkewSweepRow } from '../queries/clockSkew';
import { formatDuration } from '../model/duration';
import type { AnalysisContext } from './context';
import { evidenceOf } from './context';
import type { ClockSkew } from './types';

/** Log times are often written to the millisecond: disagreements below that are rounding, not skew. */
export const SKEW_TOLERANCE_NS = 1_000_000n;

export interface SkewFinding {
  shifted: number;
  reference: number;
  shiftNs: bigint;
  /** Event in `shifted`, event in `reference`. */
  example: [number, number];
  violations: number;
  pairs: number;
  /** Pairs in place now, and after the shift. */
  inPlaceNow: number;
  inPlaceAfter: number;
  consistent: boolean;
}

/**
 * Pure: a finding where some shift puts more pairs in place than the clocks as they stand (a few log
 * lines written after their span ended are not skew: no shift helps them without hurting the rest),
 * oriented to the source whose own events are out of place.
 */
export function toFindings(rows: SkewSweepRow[]): SkewFinding[] {
  const out: SkewFinding[] = [];
  for (const r of rows) {
    if (r.violations === 0 || r.coverBest <= r.coverNow) continue;
    const shiftLow = r.lowInnerViolations * 2 >= r.violations;
    const shifted = shiftLow ? r.low : r.high;
    out.push({
      shifted, reference: shiftLow ? r.high : r.low, shiftNs: shiftLow ? r.shiftNs : -r.shiftNs,
      example: r.innerSource === shifted ? [r.innerEvent, r.outerEvent] : [r.outerEvent, r.innerEvent],
      violations: r.violations, pairs: r.pairs, inPlaceNow: r.coverNow, inPlaceAfter: r.coverBest, consistent: r.coverBest === r.pairs,
    });
  }
  return out;
}

export async function detectClockSkew(db: Db, ctx: AnalysisContext): Promise<ClockSkew[]> {
  const findings = toFindings(await getSkewSweep(db, SKEW_TOLERANCE_NS));
  if (!findings.length) return [];
  const places = await getEventPlaces(db, findings.flatMap((f) => f.example));
  const path = (id: number) => ctx.sources.get(id)?.path ?? `source#${id}`;
  const cite = (id: number) => {
    const p = places.get(id) ?? { sourceId: 0, line: 0, pointer: '' };
    return evidenceOf(ctx, { id, ...p });
  };
  return findings
    .map((f): ClockSkew => {
      const [s, r] = [path(f.shifted), path(f.reference)];
      const shift = formatDuration(f.shiftNs);
      const what = `${f.violations} of ${f.pairs} events in ${s} that share a trace with ${r} fall outside the span that encloses them`;
      const why = f.consistent
        ? `${what}; shifting ${s} by ${shift} puts every one inside.`
        : `${what}, and no single shift fits them all (the clocks may drift); shifting ${s} by ${shift} puts the most in place: ${f.inPlaceAfter} of ${f.pairs}, against ${f.inPlaceNow} now.`;
      return {
        source: s, relative_to: r, shift_ms: Number(f.shiftNs) / 1e6, evidence_pairs: f.violations, checked_pairs: f.pairs, consistent: f.consistent,
        example: { source: cite(f.example[0]), relative_to: cite(f.example[1]) }, why,
      };
    })
    .sort((x, y) => x.source.localeCompare(y.source) || x.relative_to.localeCompare(y.relative_to));
}
