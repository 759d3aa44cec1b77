// Clock skew between sources that share trace ids: a child span must lie within its parent and a log
// line within the span it names. When events of one file fall outside their enclosing span in another,
// that file's clock (or the other's) is off; the smallest shift that puts them all inside is reported.
import type { Db } from '../db/db';
import { getEventPlaces, getSkewConstraints, type SkewConstraintRow } from '../queries/clockSkew';
import { formatDuration } from '../model/duration';
import type { AnalysisContext } from './context';
import { evidenceOf } from './context';
import type { ClockSkew } from './types';

/** Log times are often written to the millisecond: disagreements below that are rounding, not skew. */
export const SKEW_TOLERANCE_NS = 1_000_000n;

interface Bound { lo: bigint; hi: bigint; loEx: [number, number]; hiEx: [number, number]; late: number; early: number; pairs: number }

/** A directed row as a constraint on shifting `shifted` (x applies to it; the reverse row gives −x). */
function asBound(r: SkewConstraintRow, shifted: number): Bound {
  return r.shifted === shifted
    ? { lo: r.lo, hi: r.hi, loEx: [r.loShiftedEvent, r.loReferenceEvent], hiEx: [r.hiShiftedEvent, r.hiReferenceEvent], late: r.late, early: r.early, pairs: r.pairs }
    : { lo: -r.hi, hi: -r.lo, loEx: [r.hiReferenceEvent, r.hiShiftedEvent], hiEx: [r.loReferenceEvent, r.loShiftedEvent], late: r.early, early: r.late, pairs: r.pairs };
}

interface Finding { shifted: number; reference: number; shiftNs: bigint; example: [number, number]; violations: number; pairs: number; consistent: boolean }

/** Pure: per pair of sources, the shift of one that removes the violations, oriented to the side that has them. */
export function findSkews(rows: SkewConstraintRow[], toleranceNs = SKEW_TOLERANCE_NS): Finding[] {
  const byPair = new Map<string, SkewConstraintRow[]>();
  for (const r of rows) {
    const key = `${Math.min(r.shifted, r.reference)}:${Math.max(r.shifted, r.reference)}`;
    byPair.set(key, [...(byPair.get(key) ?? []), r]);
  }
  const out: Finding[] = [];
  for (const [key, list] of byPair) {
    const [a, b] = key.split(':').map(Number);
    // Shift the side whose own events are out of place; on a tie, the one that holds the inner events.
    const own = (s: number) => list.filter((r) => r.shifted === s).reduce((n, r) => n + r.late + r.early, 0);
    const inner = (s: number) => list.filter((r) => r.shifted === s).reduce((n, r) => n + r.pairs, 0);
    const shifted = own(b) > own(a) || (own(b) === own(a) && inner(b) > inner(a)) ? b : a;
    const bounds = list.map((r) => asBound(r, shifted));
    const late = bounds.reduce((n, x) => n + x.late, 0);
    const early = bounds.reduce((n, x) => n + x.early, 0);
    if (late + early === 0) continue;
    const lo = bounds.reduce((m, x) => (x.lo > m.lo ? x : m));
    const hi = bounds.reduce((m, x) => (x.hi < m.hi ? x : m));
    const consistent = lo.lo <= hi.hi;
    const later = consistent ? lo.lo > toleranceNs : late >= early;
    out.push({
      shifted, reference: shifted === a ? b : a, shiftNs: later ? lo.lo : hi.hi, example: later ? lo.loEx : hi.hiEx,
      violations: late + early, pairs: bounds.reduce((n, x) => n + x.pairs, 0), consistent,
    });
  }
  return out;
}

export async function detectClockSkew(db: Db, ctx: AnalysisContext): Promise<ClockSkew[]> {
  const findings = findSkews(await getSkewConstraints(db, SKEW_TOLERANCE_NS));
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
        : `${what}, and no single shift fits them all (the clocks may drift); shifting ${s} by ${shift} fixes the ${f.shiftNs > 0n ? 'early' : 'late'} ones.`;
      return {
        source: s, relative_to: r, shift_ms: Number(f.shiftNs) / 1e6, evidence_pairs: f.violations, checked_pairs: f.pairs, consistent: f.consistent,
        example: { source: cite(f.example[0]), relative_to: cite(f.example[1]) }, why,
      };
    })
    .sort((x, y) => x.source.localeCompare(y.source) || x.relative_to.localeCompare(y.relative_to));
}
