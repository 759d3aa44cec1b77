// What every analysis step reads: the control events, the sources, and how to cite an event.
import type { ControlEvent } from '../queries/controlEvents';
import type { SourceRow } from '../queries/sources';
import type { Evidence } from './types';
import { toIso } from '../model/time';

export interface AnalysisContext {
  events: ControlEvent[];
  sources: Map<number, SourceRow>;
}

/** The exact place an event came from: file as imported, line, pointer inside a document. */
export function evidenceOf(ctx: AnalysisContext, e: { id: number; sourceId: number; line: number; pointer: string }): Evidence {
  const source = ctx.sources.get(e.sourceId)?.path ?? `source#${e.sourceId}`;
  // Key order is part of the published JSON: source, line, pointer, event_id.
  return e.pointer ? { source, line: e.line, pointer: e.pointer, event_id: e.id } : { source, line: e.line, event_id: e.id };
}

/** Evidence lists are sorted and deduplicated so the JSON is identical run after run. */
export function uniqueEvidence(list: Evidence[]): Evidence[] {
  const seen = new Map<number, Evidence>();
  for (const e of list) if (!seen.has(e.event_id)) seen.set(e.event_id, e);
  return [...seen.values()].sort((a, b) => a.source.localeCompare(b.source) || a.line - b.line || a.event_id - b.event_id);
}

export const iso = (ns: bigint): string => toIso(ns);
export const msBetween = (from: bigint, to: bigint): number => Number((to - from) / 1_000_000n);

/** "6m55s", "41s", "1h02m": durations a person reads in a sentence. */
export function humanDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Confidences are reported to two decimals so they read well and compare exactly. */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** "ran scale on k8s:prod/deployment/payments": a verb phrase that reads for any tool verb. */
export const ranOn = (verb: string, resource: string): string => `ran ${verb} on ${resource}`;

/** A label-sized excerpt: cut at a word boundary so "waiting=" never dangles. */
export function short(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${(at > max / 2 ? cut.slice(0, at) : cut).replace(/[\s,;:(]+$/, '')}…`;
}

/** HH:MM:SS of an instant, for sentences (the JSON fields carry full ISO times). */
export const clock = (ns: bigint): string => toIso(ns).slice(11, 19);
