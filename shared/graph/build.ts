// Analysis + event rows → Cytoscape elements with preset positions: x is time, y is the actor's lane.
// No force layout: measured here, fcose/dagre take minutes at 5,000 nodes; positions from time are instant.
import type { AnalysisV1 } from '../analysis/types';
import { parseIsoNanos } from '../model/time';
import { groupEvents, type Group } from './clusters';
import { LANE_HEIGHT, buildLanes, laneKey } from './lanes';
import { referencedEventIds } from './references';
import { compressedScale, type ScaleOptions } from './timeScale';
import type { Graph, GraphEdge, GraphEvent, GraphNode, Lane } from './types';

export interface BuildOptions {
  expanded?: ReadonlySet<string>;
  minRun?: number;
  scale?: ScaleOptions;
}

const ROW_DY = 13;
const ROWS = 3;
const MIN_DX = 46;

export function buildGraph(events: readonly GraphEvent[], analysis: AnalysisV1 | null, opts: BuildOptions = {}): Graph {
  const sorted = [...events].sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.id - b.id));
  const lanes = buildLanes(sorted, actorTypes(analysis));
  const laneByKey = new Map(lanes.map((l) => [l.key, l]));
  const pinned = referencedEventIds(analysis);
  const groups = groupEvents(sorted, { minRun: opts.minRun, expanded: opts.expanded, pinned });
  // Wide enough for ~2.5 lanes' height per lane-width and 14 px per node, whichever is more.
  const targetWidth = Math.max(900, (lanes.length + 1) * LANE_HEIGHT * 2.5, groups.length * 14);
  const scale = compressedScale(groups.map((g) => g.members[0].ts), { targetWidth, ...opts.scale });

  const nodes: GraphNode[] = [];
  const nodeOf = new Map<number, string>();
  const rowsEnd = new Map<string, number[]>();
  for (const g of groups) {
    const lane = laneByKey.get(g.lane) as Lane;
    const x = scale.x(g.members[0].ts);
    const ends = rowsEnd.get(g.lane) ?? rowsEnd.set(g.lane, new Array(ROWS).fill(-Infinity)).get(g.lane)!;
    let row = ends.findIndex((end) => x - end >= MIN_DX);
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = x;
    nodes.push(groupNode(g, lane, x, lane.y + row * ROW_DY));
    for (const m of g.members) nodeOf.set(m.id, g.id);
  }

  const edges = new EdgeSet();
  linkToolCalls(sorted, nodeOf, edges);
  if (analysis) addFindings(analysis, nodes, nodeOf, laneByKey, scale.x, edges);
  const shownLanes = analysis?.divergences.length ? [{ key: '(divergences)', label: 'divergences', actorType: 'finding', y: DIVERGENCE_LANE_Y }, ...lanes] : lanes;
  return { nodes, edges: edges.list, lanes: shownLanes, t0: scale.t0, t1: scale.t1, width: scale.width };
}

/** The analysis knows better than one row which principals are agents (an agent's service account). */
function actorTypes(a: AnalysisV1 | null): Map<string, string> {
  return new Map((a?.actors ?? []).map((act) => [act.name, act.type]));
}

function groupNode(g: Group, lane: Lane, x: number, y: number): GraphNode {
  const first = g.members[0];
  const text = first.message || `${first.action} ${first.resource}`.trim() || first.kind;
  const total = g.members.reduce((n, m) => n + (m.count ?? 1), 0);
  const counted = g.clustered || total > 1;
  const label = counted ? `${short(text)} ×${total.toLocaleString('en-US')}` : short(text);
  const sev = g.members.some((m) => m.severity === 'error' || m.severity === 'fatal') ? 'error' : first.severity;
  return {
    group: 'nodes',
    data: { id: g.id, label, nodeKind: counted ? 'cluster' : 'event', kind: first.kind, severity: sev, lane: lane.key, eventId: first.id, members: g.members.map((m) => m.id), count: total },
    position: { x, y },
    classes: [counted ? 'cluster' : 'event', `kind-${first.kind}`, `sev-${sev}`, `actor-${lane.actorType}`].join(' '),
  };
}

const short = (s: string) => (s.length > 48 ? `${s.slice(0, 47)}…` : s);

class EdgeSet {
  readonly list: GraphEdge[] = [];
  private readonly seen = new Set<string>();
  add(source: string | undefined, target: string | undefined, kind: string, confidence = 1, label = '', extra = '') {
    if (!source || !target || source === target) return;
    const id = `${kind}:${source}->${target}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.list.push({ group: 'edges', data: { id, source, target, kind, confidence, label }, classes: `edge-${kind} ${extra}`.trim() });
  }
  mark(source: string | undefined, target: string | undefined, cls: string) {
    for (const e of this.list) if (e.data.source === source && e.data.target === target) e.classes += ` ${cls}`;
  }
}

/** A tool call and the result the agent read from it belong together. */
function linkToolCalls(events: readonly GraphEvent[], nodeOf: Map<number, string>, edges: EdgeSet) {
  const calls = new Map<string, number>();
  for (const e of events) if (e.callId && e.kind === 'tool_call') calls.set(e.callId, e.id);
  for (const e of events) {
    const call = e.callId && e.kind === 'tool_result' ? calls.get(e.callId) : undefined;
    if (call !== undefined) edges.add(nodeOf.get(call), nodeOf.get(e.id), 'tool_result');
  }
}

function addFindings(a: AnalysisV1, nodes: GraphNode[], nodeOf: Map<number, string>, lanes: Map<string, Lane>, x: (ts: bigint) => number, edges: EdgeSet) {
  const chainNode = new Map<string, string>();
  addDivergences(a, nodes, nodeOf, x, edges, chainNode);
  const findingsY = (lanes.size + 0.5) * LANE_HEIGHT;
  for (const n of a.chain.nodes) {
    const mapped = chainNode.get(n.id) ?? (n.event_id !== null ? nodeOf.get(n.event_id) : undefined);
    if (mapped) {
      chainNode.set(n.id, mapped);
      continue;
    }
    const id = `n:${n.id}`;
    nodes.push({
      group: 'nodes',
      data: { id, label: short(n.label), nodeKind: 'finding', kind: n.kind, severity: 'info', lane: '(findings)', eventId: n.event_id, members: n.event_id !== null ? [n.event_id] : [], count: 1 },
      position: { x: x(parseIsoNanos(n.ts) ?? 0n), y: findingsY },
      classes: 'finding',
    });
    chainNode.set(n.id, id);
  }
  for (const e of a.chain.edges) edges.add(chainNode.get(e.from), chainNode.get(e.to), e.kind, e.confidence, e.kind.replace(/_/g, ' '), e.confidence < 0.6 ? 'weak' : '');
  const path = a.chain.most_probable_path;
  for (let i = 1; i < path.length; i++) edges.mark(chainNode.get(path[i - 1]), chainNode.get(path[i]), 'path');
  const onPath = new Set(path.map((p) => chainNode.get(p)));
  for (const n of nodes) if (onPath.has(n.data.id)) n.classes += ' on-path';
}

/** Divergences get their own lane above the actors, next to the action they are about. */
export const DIVERGENCE_LANE_Y = -LANE_HEIGHT;
const DIVERGENCE_DX = 150;

function addDivergences(a: AnalysisV1, nodes: GraphNode[], nodeOf: Map<number, string>, x: (ts: bigint) => number, edges: EdgeSet, chainNode: Map<string, string>) {
  const perAction = new Map<number, number>();
  for (const d of a.divergences) perAction.set(d.action.event_id, (perAction.get(d.action.event_id) ?? 0) + 1);
  const seen = new Map<number, number>();
  for (const d of a.divergences) {
    const id = `d:${d.id}`;
    chainNode.set(`div:${d.id}`, id);
    const target = nodeOf.get(d.action.event_id);
    const anchorX = nodes.find((n) => n.data.id === target)?.position.x ?? x(parseIsoNanos(d.action.ts) ?? 0n);
    const k = seen.get(d.action.event_id) ?? 0;
    seen.set(d.action.event_id, k + 1);
    const spread = (k - ((perAction.get(d.action.event_id) ?? 1) - 1) / 2) * DIVERGENCE_DX;
    nodes.push({
      group: 'nodes',
      data: { id, label: divergenceLabel(d), nodeKind: 'divergence', kind: d.kind, severity: 'error', lane: '(divergences)', eventId: d.action.event_id, members: [d.action.event_id], count: 1 },
      position: { x: anchorX + spread, y: DIVERGENCE_LANE_Y },
      classes: `divergence kind-${d.kind}`,
    });
    for (const ev of d.believed.evidence) edges.add(nodeOf.get(ev.event_id), id, 'believed', 1, 'believed', 'divergence-edge');
    for (const ev of d.actual.evidence) edges.add(nodeOf.get(ev.event_id), id, 'actual', 1, 'actually', 'divergence-edge');
    edges.add(id, target, 'acted_on_stale', d.confidence, 'acted on', 'divergence-edge');
  }
}

function divergenceLabel(d: AnalysisV1['divergences'][number]): string {
  const kind = d.kind.replace(/_/g, ' ');
  return short(`${kind}: ${d.believed.value ?? 'unseen'} → ${d.actual.value ?? '?'}`);
}
