// The postmortem as data: what the Markdown and HTML exporters both lay out, computed once so the
// two documents can never disagree.
import type { ChainEdge, ChainNode, Divergence, Evidence } from '../analysis/types';
import { effectiveClassification, foldAnnotations, targetKey, type AnnotationState } from '../annotations/state';
import { linkId } from '../annotations/targets';
import type { AnnotationVersion, LinkStatus } from '../annotations/types';
import type { EventRow } from '../model/event';
import { figures, type Figure } from './figures';
import { citation, clock, duration } from './format';
import type { ExportInput } from './input';

export interface ChainStep {
  id: string;
  from: ChainNode;
  to: ChainNode;
  edge: ChainEdge;
  status: LinkStatus;
  reason: string;
}

export interface Citation {
  ref: string;
  source: string;
  line: number;
  pointer: string;
  ts: string;
  text: string;
}

export interface Report {
  summary: string;
  classification: ReturnType<typeof effectiveClassification>;
  steps: ChainStep[];
  rejected: ChainStep[];
  confirmedCount: number;
  divergences: Divergence[];
  figures: Figure[];
  factors: { role: string; target: string; reason: string; author: string }[];
  notes: { target: string; note: AnnotationVersion }[];
  timeline: EventRow[];
  citations: Citation[];
  state: AnnotationState;
}

export function buildReport(input: ExportInput): Report {
  const { analysis } = input;
  const state = foldAnnotations(input.annotations);
  const nodes = new Map(analysis.chain.nodes.map((n) => [n.id, n]));
  const order = new Map(analysis.chain.most_probable_path.map((id, i) => [id, i]));
  const all: ChainStep[] = analysis.chain.edges
    .filter((e) => nodes.has(e.from) && nodes.has(e.to))
    .map((edge) => {
      const id = linkId(edge);
      const verdict = state.links.get(id);
      return { id, from: nodes.get(edge.from)!, to: nodes.get(edge.to)!, edge, status: verdict?.status ?? 'proposed', reason: verdict?.reason ?? '' };
    })
    .sort((a, b) => (order.get(a.from.id) ?? 1e9) - (order.get(b.from.id) ?? 1e9) || a.from.ts.localeCompare(b.from.ts));
  const steps = all.filter((s) => s.status !== 'rejected');
  return {
    summary: summarise(input),
    classification: effectiveClassification(analysis.classification, state),
    steps,
    rejected: all.filter((s) => s.status === 'rejected'),
    confirmedCount: steps.filter((s) => s.status === 'confirmed').length,
    divergences: analysis.divergences,
    figures: figures(analysis),
    factors: [...state.roles.entries()].map(([target, r]) => ({ role: r.role, target, reason: r.reason, author: r.author }))
      .sort((a, b) => (a.role === b.role ? a.target.localeCompare(b.target) : a.role === 'root_cause' ? -1 : 1)),
    notes: [...state.notes.entries()].flatMap(([target, list]) => list.map((note) => ({ target, note }))),
    timeline: input.events,
    citations: citations(input),
    state,
  };
}

function summarise({ analysis }: ExportInput): string {
  const d = analysis.divergences.find((x) => x.kind === 'stale_context') ?? analysis.divergences[0];
  const iv = analysis.intervention;
  const parts: string[] = [];
  if (d) {
    parts.push(`${d.action.actor} acted on ${d.resource} at ${clock(d.action.ts)} (${d.action.intent || 'a write'}) while believing ${d.believed.fact} = ${d.believed.value ?? 'unknown'}`
      + (d.believed.observed_at ? ` (read at ${clock(d.believed.observed_at)})` : '')
      + `; in production it was ${d.actual.value ?? 'unknown'}`
      + (d.actual.since ? ` since ${clock(d.actual.since)}` : '')
      + (d.actual.changed_by ? `, changed by ${d.actual.changed_by}` : '')
      + (d.staleness_ms !== null ? ` (context ${duration(d.staleness_ms)} old)` : '') + '.');
  } else {
    parts.push('The analysis found no divergence between the agent\'s context and production.');
  }
  if (iv.first_impact) parts.push(`Impact began at ${clock(iv.first_impact)}${iv.first_alert ? `, an alert fired at ${clock(iv.first_alert)}` : ''}.`);
  if (iv.stopped_at) parts.push(`The agent was stopped at ${clock(iv.stopped_at)}${iv.stopped_by ? ` by ${iv.stopped_by}` : ''}${iv.how ? ` (${iv.how})` : ''}.`);
  return parts.join(' ');
}

/** Every record the analysis cites, once, in source order, with the event's text. */
function citations(input: ExportInput): Citation[] {
  const byId = new Map(input.events.map((e) => [Number(e.id), e]));
  const seen = new Map<string, Citation>();
  const visit = (ev: Evidence) => {
    const ref = citation(ev);
    if (seen.has(ref)) return;
    const e = byId.get(ev.event_id);
    seen.set(ref, { ref, source: ev.source, line: ev.line, pointer: ev.pointer ?? '', ts: e ? isoOf(e.ts) : '', text: e?.message ?? '' });
  };
  JSON.stringify(input.analysis, (key, value) => {
    if (value && typeof value === 'object' && typeof value.source === 'string' && typeof value.line === 'number' && 'event_id' in value) visit(value as Evidence);
    return value;
  });
  return [...seen.values()].sort((a, b) => a.source.localeCompare(b.source) || a.line - b.line || a.pointer.localeCompare(b.pointer));
}

const isoOf = (ns: bigint) => new Date(Number(ns / 1_000_000n)).toISOString();

/** Human label for an annotation target key (`divergence:div-1`, `link:a->b`, `event:7`). */
export function targetLabel(key: string, input: ExportInput): string {
  const [type, ...rest] = key.split(':');
  const id = rest.join(':');
  if (type === 'event') {
    const e = input.events.find((x) => String(x.id) === id);
    return e ? `event ${id} (${clock(isoOf(e.ts))} ${e.message})` : `event ${id}`;
  }
  return `${type} ${id}`;
}

export { targetKey };
