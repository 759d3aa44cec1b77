// What the presentation's graph and timeline show for a slide: the step's nodes to zoom the graph to, and
// a time window around the step for the timeline strip. Pure, so the zoom rules are unit-tested.
import type { Slide } from '../../../shared/export/presentation';
import { parseIsoNanos } from '../../../shared/model/time';

export interface TimeWindow {
  from: bigint;
  to: bigint;
}

const SECOND = 1_000_000_000n;
/** Context shown on each side of a step: half the step's own span, at least this much. */
const MIN_PAD = 30n * SECOND;

/** The strip's window: the step's span with context on both sides; the whole incident on other slides. */
export function stripWindow(focus: Slide['focus'], whole: TimeWindow | null): TimeWindow | null {
  if (!focus) return whole;
  const a = parseIsoNanos(focus.from);
  const b = parseIsoNanos(focus.to);
  if (a === undefined || b === undefined) return whole;
  const [from, to] = a <= b ? [a, b] : [b, a];
  const half = (to - from) / 2n;
  const pad = half > MIN_PAD ? half : MIN_PAD;
  return { from: from - pad, to: to + pad };
}

export interface StageNode {
  id: string;
  nodeKind?: string;
  eventId?: number | null;
  members?: number[];
}

/** Graph nodes standing for the step's events: the events (or the clusters holding them) and their divergences. */
export function focusNodeIds(nodes: readonly StageNode[], eventIds: readonly number[]): string[] {
  if (!eventIds.length) return [];
  const ids = new Set(eventIds);
  return nodes
    .filter((n) => (n.nodeKind === 'divergence' ? n.eventId != null && ids.has(n.eventId) : (n.members ?? []).some((m) => ids.has(m))))
    .map((n) => n.id);
}

export interface StripEvent {
  id: number;
  ts: bigint;
  actor: string;
  severity: string;
}

export interface StripLayout {
  lanes: string[];
  marks: { id: number; x: number; lane: number; focus: boolean; severity: string }[];
}

/**
 * Events on lanes by actor (first seen first; past `maxLanes` they share an "others" lane), x from 0 to
 * `width` across the window. The step's own events are always on a lane of their own actor.
 */
export function stripLayout(events: readonly StripEvent[], win: TimeWindow, focusIds: readonly number[], width: number, maxLanes = 6): StripLayout {
  const focus = new Set(focusIds);
  const lanes: string[] = [];
  // The step's actors get lanes first, so "others" never swallows what the slide is about.
  for (const e of [...events.filter((x) => focus.has(x.id)), ...events]) {
    const name = e.actor || '(no actor)';
    if (!lanes.includes(name) && lanes.length < maxLanes - 1) lanes.push(name);
  }
  const span = win.to > win.from ? Number(win.to - win.from) : 1;
  let others = false;
  const marks = events.map((e) => {
    let lane = lanes.indexOf(e.actor || '(no actor)');
    if (lane < 0) {
      others = true;
      lane = maxLanes - 1;
    }
    const x = Math.min(width, Math.max(0, (Number(e.ts - win.from) / span) * width));
    return { id: e.id, x, lane, focus: focus.has(e.id), severity: e.severity };
  });
  if (others) {
    while (lanes.length < maxLanes - 1) lanes.push('');
    lanes.push('others');
  }
  return { lanes, marks };
}
