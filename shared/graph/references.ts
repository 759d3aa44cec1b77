// Events a finding cites: they never vanish into a cluster, so every claim stays one click away.
import type { AnalysisV1, Evidence } from '../analysis/types';

export function referencedEventIds(a: AnalysisV1 | null): Set<number> {
  const ids = new Set<number>();
  if (!a) return ids;
  const add = (ev: readonly Evidence[]) => ev.forEach((e) => ids.add(e.event_id));
  for (const act of a.actions) {
    ids.add(act.event_id);
    add(act.evidence);
  }
  for (const b of a.beliefs) add(b.evidence);
  for (const d of a.divergences) {
    ids.add(d.action.event_id);
    add(d.action.evidence);
    add(d.believed.evidence);
    add(d.actual.evidence);
  }
  for (const n of a.chain.nodes) if (n.event_id !== null) ids.add(n.event_id);
  return ids;
}
