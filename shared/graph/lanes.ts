// One horizontal lane per actor: the agent first, then people, then systems, each by first appearance.
import type { GraphEvent, Lane } from './types';

export const LANE_HEIGHT = 50;

const TYPE_ORDER: Record<string, number> = { agent: 0, human: 1, system: 2, unknown: 3 };

/** The lane an event sits in: its actor, else the service that logged it. */
export function laneKey(e: Pick<GraphEvent, 'actor' | 'service'>): string {
  if (e.actor) return e.actor;
  return e.service ? `svc:${e.service}` : '(unknown)';
}

export function buildLanes(events: readonly GraphEvent[], typeOf: ReadonlyMap<string, string> = new Map()): Lane[] {
  const seen = new Map<string, { first: bigint; type: string; order: number }>();
  events.forEach((e, i) => {
    const key = laneKey(e);
    const cur = seen.get(key);
    if (!cur) seen.set(key, { first: e.ts, type: typeOf.get(e.actor) ?? (e.actorType || 'unknown'), order: i });
    else if (e.ts < cur.first) cur.first = e.ts;
  });
  return [...seen.entries()]
    .sort(([, a], [, b]) => (TYPE_ORDER[a.type] ?? 3) - (TYPE_ORDER[b.type] ?? 3) || (a.first < b.first ? -1 : a.first > b.first ? 1 : a.order - b.order))
    .map(([key, v], i) => ({ key, label: key.startsWith('svc:') ? key.slice(4) : key, actorType: v.type, y: i * LANE_HEIGHT }));
}
