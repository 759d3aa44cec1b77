// Pure decisions behind the annotation views: which write a note box makes, which links touch an event,
// how "10:21" becomes a time on the incident's day.
import type { AnalysisV1, ChainEdge } from '../../../shared/analysis/types';
import { linkId, normalizeTags, type AnnotationVersion } from '../../../shared/annotations';
import { parseIsoNanos } from '../../../shared/model/time';
import type { AnnotateOp } from '../../engine/protocol';

/** The write a note box makes when it loses focus: nothing when the text did not change. */
export function noteWrite(existing: AnnotationVersion | undefined, text: string, target: { type: AnnotationVersion['targetType']; id: string }): AnnotateOp | null {
  if (existing) return existing.bodyMd === text ? null : { verb: 'editNote', id: existing.id, bodyMd: text };
  return text.trim() ? { verb: 'addNote', target, bodyMd: text } : null;
}

/**
 * The write a tag change makes: a new version of the note with the new tag list, or, when there is no note
 * yet, a note holding the text typed so far (possibly empty) and the tags. Nothing when the list is unchanged.
 */
export function tagWrite(existing: AnnotationVersion | undefined, tags: string[], target: { type: AnnotationVersion['targetType']; id: string }, draft: string): AnnotateOp | null {
  const next = normalizeTags(tags);
  if (existing) return sameList(existing.tags, next) ? null : { verb: 'editNote', id: existing.id, tags: next };
  return next.length ? { verb: 'addNote', target, bodyMd: draft, tags: next } : null;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export interface LinkView {
  id: string;
  edge: ChainEdge;
  fromLabel: string;
  toLabel: string;
}

/** Chain edges with an end on this event, so its causal links can be judged where it is inspected. */
export function linksOfEvent(analysis: AnalysisV1 | null, eventId: number | null): LinkView[] {
  if (!analysis || eventId === null) return [];
  const nodes = new Map(analysis.chain.nodes.map((n) => [n.id, n]));
  return analysis.chain.edges
    .filter((e) => nodes.get(e.from)?.event_id === eventId || nodes.get(e.to)?.event_id === eventId)
    .map((edge) => ({ id: linkId(edge), edge, fromLabel: nodes.get(edge.from)?.label ?? edge.from, toLabel: nodes.get(edge.to)?.label ?? edge.to }));
}

/**
 * A manual event's time: a full ISO time, or "HH:MM[:SS]" on the UTC day of `reference` (the incident's
 * first event), because investigators write times as the room said them.
 */
export function parseManualTime(text: string, reference: bigint): bigint | null {
  const t = text.trim();
  const hm = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (hm) {
    const [h, m, s] = [Number(hm[1]), Number(hm[2]), Number(hm[3] ?? 0)];
    if (h > 23 || m > 59 || s > 59) return null;
    const dayMs = Number(reference / 1_000_000n) - (Number(reference / 1_000_000n) % 86_400_000);
    return BigInt(dayMs + ((h * 60 + m) * 60 + s) * 1000) * 1_000_000n;
  }
  return parseIsoNanos(t) ?? null;
}

/** Versions of one annotation, newest first, for its history list. */
export function historyOf(all: readonly AnnotationVersion[], id: string): AnnotationVersion[] {
  return all.filter((v) => v.id === id).sort((a, b) => b.version - a.version);
}

/** One line saying what a version changed. */
export function describeVersion(v: AnnotationVersion): string {
  if (v.deleted) return 'deleted';
  if (v.kind === 'link_status') return `${v.linkStatus}${v.reason ? `: ${v.reason}` : ''}`;
  if (v.kind === 'role') return `${v.role?.replace('_', ' ')}${v.reason ? `: ${v.reason}` : ''}`;
  if (v.kind === 'classification') return `${v.value.replace(/_/g, ' ')}: ${v.reason}`;
  return v.tags.length ? `${v.bodyMd} [${v.tags.join(', ')}]` : v.bodyMd;
}
