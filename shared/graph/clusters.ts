// Repeated events ("503 connection pool exhausted" a thousand times) collapse into one counted node,
// because a graph that draws each repeat is unreadable and, past a few thousand nodes, unusably slow.
import { laneKey } from './lanes';
import type { GraphEvent } from './types';

export interface Group {
  /** Stable id: the same run gets the same id on every rebuild, so "expanded" survives a refresh. */
  id: string;
  lane: string;
  members: GraphEvent[];
  clustered: boolean;
}

/** What makes two events "the same": numbers, ids and hex runs are masked out of the message. */
export function signature(e: GraphEvent): string {
  const msg = e.message.replace(/[0-9a-f]{8,}/gi, '#').replace(/\d+/g, '#');
  return `${e.kind}|${e.severity}|${e.action}|${e.resource}|${msg}`;
}

/**
 * Groups each lane's consecutive events with one signature. Runs of at least `minRun` become clusters
 * unless expanded; `pinned` events (those a finding cites) always stay on their own.
 */
export function groupEvents(
  events: readonly GraphEvent[],
  opts: { minRun?: number; expanded?: ReadonlySet<string>; pinned?: ReadonlySet<number> } = {},
): Group[] {
  const minRun = opts.minRun ?? 3;
  const open = new Map<string, { sig: string; run: GraphEvent[] }>();
  const runs: { lane: string; run: GraphEvent[] }[] = [];
  const close = (lane: string) => {
    const cur = open.get(lane);
    if (cur?.run.length) runs.push({ lane, run: cur.run });
    open.delete(lane);
  };
  for (const e of events) {
    const lane = laneKey(e);
    if (opts.pinned?.has(e.id)) {
      close(lane);
      runs.push({ lane, run: [e] });
      continue;
    }
    const sig = signature(e);
    const cur = open.get(lane);
    if (cur && cur.sig === sig) cur.run.push(e);
    else {
      close(lane);
      open.set(lane, { sig, run: [e] });
    }
  }
  for (const lane of [...open.keys()]) close(lane);

  const groups: Group[] = [];
  for (const { lane, run } of runs) {
    const id = `c:${lane}:${run[0].id}`;
    if (run.length >= minRun && !opts.expanded?.has(id)) groups.push({ id, lane, members: run, clustered: true });
    else for (const e of run) groups.push({ id: `e:${e.id}`, lane, members: [e], clustered: false });
  }
  return groups;
}
