// Places transcripts that carry no times (bare chat arrays, SWE-agent trajectories, Responses API items
// without created_at) from other evidence, after import and before analysis: a trace span that carries one
// of their tool call ids, else a span of the conversation they record (gen_ai.conversation.id, session.id),
// else the audit record one of their kubectl calls left. A start time the user gave always wins: such a
// transcript is placed at import and never reaches this step, and one whose offset the user set keeps it.
import type { Db } from '../db/db';
import { getControlEvents, type ControlEvent } from '../queries/controlEvents';
import { getSources, type SourceRow } from '../queries/sources';
import { getSourcePlacements, setSourceAnchoring, type SourceAnchorRecord } from '../queries/sourceTiming';
import { conversationOf, getConversationSpans } from '../queries/conversationSpans';
import { setClockOffset } from '../importers/clockOffset';
import { sameIntent } from './actors';
import { isStatusWrite, requestFacts } from './actions';
import { intentFacts } from './facts';
import { isWrite } from './verbs';
import { clock, round2, short } from './context';

/** A tool call of the untimed transcript and the timed record that fixes its time. */
export interface AnchorMatch {
  call: ControlEvent;
  target: ControlEvent;
}

export interface AnchorFinding {
  basis: 'audit_record' | 'span';
  /** Added to the transcript's times: puts the anchoring call at its target's time. */
  shiftNs: bigint;
  anchor: AnchorMatch;
  /** Further calls whose records follow in the transcript's order. */
  consistent: AnchorMatch[];
  /** Calls whose only records come before an earlier call's: the transcript and the evidence disagree. */
  inconsistent: AnchorMatch[];
  confidence: number;
  /**
   * Set when a span of the transcript's conversation placed it (basis 'span'): `anchor.call` is then the
   * transcript's first step, `anchor.target` the conversation's earliest span.
   */
  conversation?: { id: string; key: string; spans: number };
}

export interface AnchorOutcome {
  sourceId: number;
  path: string;
  anchor: SourceAnchorRecord;
}

/** SWE-agent numbers its steps itself: such ids name nothing outside the file. */
const SYNTHETIC_CALL_ID = /^step-\d+$/;

const byTime = (a: ControlEvent, b: ControlEvent) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.id - b.id);

/**
 * Finds what places one untimed transcript: `calls` are its tool calls, `timed` the control events (and
 * conversation spans) of sources with times of their own, `transcript` all its events. A span naming a call
 * id is exact; a span of its conversation fixes where it starts; an audit record is matched by intent.
 */
export function findAnchor(calls: readonly ControlEvent[], timed: readonly ControlEvent[], transcript: readonly ControlEvent[] = calls): AnchorFinding | undefined {
  const ordered = [...calls].sort(byTime);
  return spanAnchor(ordered, timed) ?? conversationAnchor(transcript, timed) ?? auditAnchor(ordered.filter((c) => isWrite(c.action)), timed) ?? auditAnchor(ordered.filter((c) => !isWrite(c.action)), timed);
}

/** The conversation and session ids a transcript's importer recorded on its events. */
export function conversationIds(transcript: readonly ControlEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of transcript) {
    for (const v of [e.attrs.conversationId, e.attrs.sessionId]) if (typeof v === 'string' && v.trim()) ids.add(v.trim());
  }
  return [...ids];
}

/**
 * A span whose conversation id is the transcript's places the transcript's first step at the start of the
 * conversation's earliest span (an agent run before the model calls inside it, when they start together).
 * The transcript's own spacing is invented, so only its start is placed.
 */
function conversationAnchor(transcript: readonly ControlEvent[], timed: readonly ControlEvent[]): AnchorFinding | undefined {
  const ids = new Set(conversationIds(transcript));
  if (!ids.size) return undefined;
  const spans = new Map<string, { e: ControlEvent; key: string; id: string }>();
  for (const e of timed) {
    if (!e.spanId) continue;
    const hit = conversationOf(e, ids);
    if (!hit) continue;
    // One span gives several events (a tool span's call and result): its start is the earliest.
    const k = `${e.traceId}/${e.spanId}`;
    const had = spans.get(k);
    if (!had || e.ts < had.e.ts) spans.set(k, { e, ...hit });
  }
  const earliest = (a: { e: ControlEvent }, b: { e: ControlEvent }) =>
    a.e.ts < b.e.ts ? -1 : a.e.ts > b.e.ts ? 1 : Number(b.e.kind === 'agent_run') - Number(a.e.kind === 'agent_run') || a.e.id - b.e.id;
  const first = [...spans.values()].sort(earliest)[0];
  if (!first) return undefined;
  const start = [...transcript].sort(byTime)[0];
  return {
    basis: 'span', shiftNs: first.e.ts - start.ts, anchor: { call: start, target: first.e }, consistent: [], inconsistent: [],
    confidence: 0.8, conversation: { id: first.id, key: first.key, spans: spans.size },
  };
}

function spanAnchor(calls: ControlEvent[], timed: readonly ControlEvent[]): AnchorFinding | undefined {
  const spans = new Map<string, ControlEvent[]>();
  for (const e of timed) {
    if (e.kind !== 'tool_call' || !e.spanId || !e.callId) continue;
    spans.set(e.callId, [...(spans.get(e.callId) ?? []), e]);
  }
  const matches: AnchorMatch[] = [];
  for (const call of calls) {
    if (!call.callId || SYNTHETIC_CALL_ID.test(call.callId)) continue;
    // The tool's own span (it has an end: it wraps the execution) before a model span that only asked for it.
    const target = spans.get(call.callId)?.sort((a, b) => Number(b.endTs !== null) - Number(a.endTs !== null) || byTime(a, b))[0];
    if (target) matches.push({ call, target });
  }
  if (!matches.length) return undefined;
  const { consistent, inconsistent } = inOrder(matches);
  return {
    basis: 'span', shiftNs: matches[0].target.ts - matches[0].call.ts, anchor: matches[0], consistent, inconsistent,
    confidence: round2(clamp(0.9 + 0.02 * consistent.length - 0.2 * inconsistent.length)),
  };
}

/** Matches later in the list must not land before earlier ones: the order of a transcript is reliable, its spacing is not. */
function inOrder(matches: AnchorMatch[]): { consistent: AnchorMatch[]; inconsistent: AnchorMatch[] } {
  const consistent: AnchorMatch[] = [], inconsistent: AnchorMatch[] = [];
  let last = matches[0].target.ts;
  for (const m of matches.slice(1)) {
    if (m.target.ts >= last) {
      consistent.push(m);
      last = m.target.ts;
    } else inconsistent.push(m);
  }
  return { consistent, inconsistent };
}

/** Controllers and nodes act on their own; service accounts may be the agent's. */
const byPerson = (a: ControlEvent) => !/^system:(?!serviceaccount:)/.test(a.actor);

function auditAnchor(calls: ControlEvent[], timed: readonly ControlEvent[]): AnchorFinding | undefined {
  const audits = timed.filter((e) => e.kind === 'audit' && e.resource && byPerson(e) && !isStatusWrite(e)).sort(byTime);
  const used = new Set<number>();
  const matches: AnchorMatch[] = [];
  const inconsistent: AnchorMatch[] = [];
  let first: { candidates: number; agrees: boolean } | undefined;
  let last: bigint | undefined;
  for (const call of calls) {
    const facts = intentFacts(call.attrs.intent);
    const candidates = audits.filter((a) => !used.has(a.id) && sameIntent(call, a) && factsAgree(facts, a) !== false);
    if (!candidates.length) continue;
    const after = last === undefined ? candidates : candidates.filter((a) => a.ts >= last!);
    if (!after.length) {
      inconsistent.push({ call, target: candidates[candidates.length - 1] });
      continue;
    }
    // A record that states what the call asked for (same replicas, same image) before one that merely fits.
    const agreeing = after.filter((a) => factsAgree(facts, a) === true);
    const target = (agreeing.length ? agreeing : after)[0];
    first ??= { candidates: candidates.length, agrees: agreeing.includes(target) };
    used.add(target.id);
    last = target.ts;
    matches.push({ call, target });
  }
  if (!matches.length || !first) return undefined;
  const consistent = matches.slice(1);
  const confidence = 0.5 + (first.agrees ? 0.2 : 0) - (first.candidates > 1 ? 0.15 : 0) + Math.min(0.3, 0.1 * consistent.length) - 0.1 * inconsistent.length;
  return { basis: 'audit_record', shiftNs: matches[0].target.ts - matches[0].call.ts, anchor: matches[0], consistent, inconsistent, confidence: round2(clamp(confidence)) };
}

/** true: the record states at least one of the call's facts and contradicts none; false: it contradicts one; undefined: neither. */
function factsAgree(intent: Map<string, string>, audit: ControlEvent): boolean | undefined {
  if (!intent.size) return undefined;
  const asked = requestFacts(audit);
  let same = false;
  for (const [k, v] of intent) {
    const got = asked.get(k);
    if (got === undefined) continue;
    if (got !== v) return false;
    same = true;
  }
  return same || undefined;
}

const clamp = (n: number) => Math.max(0.1, Math.min(0.99, n));

/** The kubectl command a call ran, for a sentence: `kubectl scale deployment payments --replicas=2`. */
function commandOf(call: ControlEvent): string {
  let text = typeof call.attrs.arguments === 'string' ? call.attrs.arguments : '';
  if (text.trim().startsWith('{')) {
    try {
      const o = JSON.parse(text) as Record<string, unknown>;
      const cmd = ['command', 'cmd', 'commandLine', 'script', 'input'].map((k) => o[k]).find((v) => typeof v === 'string');
      if (typeof cmd === 'string') text = cmd;
    } catch {
      // Arguments that are not JSON are the command itself.
    }
  }
  const at = text.indexOf('kubectl');
  return short(at >= 0 ? text.slice(at) : text || `${call.action} ${call.resource}`, 80);
}

/** The anchoring in words, each claim with the file and line it rests on. */
export function describeAnchor(f: AnchorFinding, sources: ReadonlyMap<number, Pick<SourceRow, 'path'>>): string {
  const at = (e: ControlEvent) => `${sources.get(e.sourceId)?.path ?? `source#${e.sourceId}`}:${e.line}`;
  const { call, target } = f.anchor;
  const conv = f.conversation;
  const parts = [conv
    ? `anchored to span "${short(String(target.attrs.name ?? target.message), 60)}" of conversation ${conv.id} at ${clock(target.ts)} (${at(target)}${target.traceId ? `, trace ${target.traceId.slice(0, 8)}…` : ''}), whose ${conv.key} is the one this transcript records: its first step placed at the span's start${conv.spans > 1 ? `; ${conv.spans - 1} more span${conv.spans === 2 ? '' : 's'} of the conversation` : ''}`
    : f.basis === 'span'
    ? `anchored to span "${short(String(target.attrs.name ?? target.message), 60)}" (${at(target)}${target.traceId ? `, trace ${target.traceId.slice(0, 8)}…` : ''}), which carries its tool call id ${call.callId}: the call placed at the span's start, ${clock(target.ts)}`
    : `anchored to the audit record of \`${commandOf(call)}\` at ${clock(target.ts)} (${at(target)})`];
  const n = f.consistent.length;
  if (n) parts.push(`${n} more tool call${n === 1 ? '' : 's'} match${n === 1 ? 'es' : ''} ${f.basis === 'span' ? 'spans' : 'audit records'} in the same order`);
  const k = f.inconsistent.length;
  if (k) {
    const m = f.inconsistent[0];
    parts.push(`${k} tool call${k === 1 ? '' : 's'} match${k === 1 ? 'es' : ''} only records out of order (first: \`${commandOf(m.call)}\`, ${at(m.target)}), so the transcript and that evidence disagree there`);
  }
  return `${parts.join('; ')} (confidence ${f.confidence})`;
}

/** Why nothing placed a transcript, in words for the note that says it stays at 0. */
function whyNot(calls: readonly ControlEvent[], ids: readonly string[]): string {
  const useful = calls.filter((c) => c.resource || (c.callId && !SYNTHETIC_CALL_ID.test(c.callId)));
  const conv = ids.length ? `; no trace span carries its conversation id ${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''}` : '';
  if (!useful.length) return `no tool call in it names a Kubernetes resource or a call id that other evidence could share${conv}`;
  return `none of its ${useful.length} tool call${useful.length === 1 ? '' : 's'} matches an audit record or a trace span in the other files${conv}`;
}

/**
 * Places every untimed transcript that nothing placed yet (no start time given, offset still 0) from the
 * other sources, shifting it with setClockOffset and recording how in `sources.anchoring`; one that stays
 * at 0 gets a record saying why. Run after importing, before analysing; running it again changes nothing
 * unless new evidence arrived.
 */
export async function anchorUntimedSources(db: Db): Promise<AnchorOutcome[]> {
  const placements = await getSourcePlacements(db);
  const sources = new Map((await getSources(db)).map((s) => [s.id, s]));
  const untimed = new Set(placements.filter((p) => p.anchoredToEpoch > 0).map((p) => p.sourceId));
  const todo = placements.filter((p) => {
    const s = sources.get(p.sourceId);
    // Every event placed from the epoch (Responses logs may mix in created_at times), nothing moved by hand.
    return s && p.anchoredToEpoch === s.events && p.anchoredToStart === 0 && s.clockOffsetNs === 0n && (!p.anchor || p.anchor.basis === 'none');
  });
  if (!todo.length) return [];
  const events = await getControlEvents(db);
  const timed = events.filter((e) => !untimed.has(e.sourceId));
  const out: AnchorOutcome[] = [];
  for (const p of todo) {
    const source = sources.get(p.sourceId)!;
    const transcript = events.filter((e) => e.sourceId === p.sourceId);
    const calls = transcript.filter((e) => e.kind === 'tool_call');
    const ids = conversationIds(transcript);
    let anchor: SourceAnchorRecord;
    try {
      // Spans of its conversation may be plain spans (not loaded with the control events): fetched by id.
      const known = new Set(timed.map((e) => e.id));
      const spans = ids.length ? (await getConversationSpans(db, ids)).filter((e) => !untimed.has(e.sourceId) && !known.has(e.id)) : [];
      const found = findAnchor(calls, spans.length ? [...timed, ...spans] : timed, transcript);
      if (found) {
        const offset = source.clockOffsetNs + found.shiftNs;
        await setClockOffset(db, source.id, offset);
        anchor = { basis: found.basis, offsetNs: offset.toString(), note: describeAnchor(found, sources), confidence: found.confidence };
      } else {
        anchor = { basis: 'none', offsetNs: '0', note: whyNot(calls, ids) };
      }
    } catch (e) {
      anchor = { basis: 'none', offsetNs: '0', note: `placing it from other evidence failed: ${(e as Error)?.message ?? e}` };
    }
    if (anchor.note !== p.anchor?.note || anchor.basis !== p.anchor?.basis) await setSourceAnchoring(db, source.id, anchor);
    out.push({ sourceId: source.id, path: source.path, anchor });
  }
  return out;
}
