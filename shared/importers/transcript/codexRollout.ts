// OpenAI Codex CLI session rollouts (~/.codex/sessions/…/rollout-*.jsonl): one `{timestamp, type, payload}`
// per line. response_item payloads are Responses API items (calls and outputs linked by call_id);
// session_meta starts the agent run; turn_context sets the model for the lines after it; event_msg lines
// repeat what the response items already say (for the terminal UI), so they count as merged.
//
// Older CLIs (before session_meta) wrote a legacy rollout: a session header `{id, timestamp, instructions,
// git}` first, then bare response items one per line and `{"record_type": "state"}` snapshots. Those items
// carry no time: they are placed at the header's timestamp in file order, and each says so.
import type { ParsedEvent } from '../../model/event';
import type { Nanos } from '../../model/ids';
import type { Importer, ParseContext, RecordParser } from '../types';
import { headLines, isObject, parseJsonObject, safeStringify, str, type JsonObject } from '../common/json';
import { lineParser, type OutputBuffer } from '../common/output';
import { anyTimeToNanos } from '../common/time';
import { responseItemEvents, type CallNames } from './responseItems';

const LINE_TYPES = /"type"\s*:\s*"(session_meta|response_item|turn_context|event_msg)"/;
/** The legacy header as serde wrote it: id, then timestamp, first. */
const LEGACY_HEADER = /^\{\s*"id"\s*:\s*"[^"]*"\s*,\s*"timestamp"\s*:\s*"/;
const LEGACY_LINE = /^\{\s*(?:"type"\s*:\s*"(?:message|reasoning|function_call|function_call_output|local_shell_call|custom_tool_call|custom_tool_call_output)"|"record_type"\s*:\s*"state")/;

export function detectCodexRollout(head: string, name: string): number {
  // The first line (session_meta with the full instructions) can be longer than the head: look at its start only.
  const start = head.trimStart().slice(0, 400);
  if (start[0] !== '{') return 0;
  if (LINE_TYPES.test(start) && /"payload"\s*:\s*\{/.test(start)) return /^rollout-/.test(name) || /"timestamp"\s*:/.test(start) ? 0.95 : 0.9;
  if (!LEGACY_HEADER.test(start)) return 0;
  // Above the 0.85 of bare Responses items one per line, which the lines after a legacy header are.
  if (headLines(head, 20).slice(1).some((l) => LEGACY_LINE.test(l))) return 0.95;
  return /^rollout-/.test(name) || /^[^\n]{0,200}"instructions"\s*:/.test(start) ? 0.9 : 0;
}

const AGENT = 'codex';
const SECOND = 1_000_000_000n;

function sessionStart(p: JsonObject, ts: Nanos, line: number, raw: string, extra?: JsonObject): ParsedEvent {
  const id = str(p.id);
  return {
    sourceLine: line, sourcePointer: '', ts, endTs: null, kind: 'agent_run', actor: AGENT, actorType: 'agent', service: AGENT,
    resource: '', action: 'invoke_agent', severity: 'info', message: `Codex session ${id}${p.cwd ? ` in ${str(p.cwd)}` : ''}`.trim(),
    traceId: '', spanId: '', parentSpanId: '', callId: '',
    attributes: safeStringify({ ...extra, sessionId: id, cwd: p.cwd, cliVersion: p.cli_version, originator: p.originator, source: p.source, modelProvider: p.model_provider, git: p.git }),
    raw,
  };
}

/** What the lines of one rollout share: call names for results, the session, the model, and legacy placement. */
interface Session {
  names: CallNames;
  ctx: ParseContext;
  id?: unknown;
  model?: unknown;
  /** The legacy header's time, where its items are placed. */
  headerTs?: bigint;
  /** Legacy items placed so far. */
  steps: number;
}

function current(o: JsonObject, p: JsonObject, text: string, line: number, s: Session, out: OutputBuffer): void {
  const type = str(o.type);
  const ts = anyTimeToNanos(o.timestamp);
  if (ts === undefined) return out.error(line, 'rollout line without a readable timestamp');
  switch (type) {
    case 'session_meta':
      s.id = p.id;
      return void out.events.push(sessionStart(p, ts, line, text));
    case 'turn_context':
      s.model = p.model ?? s.model;
      out.merged++;
      return;
    case 'event_msg':
    case 'compacted':
      out.merged++;
      return;
    case 'response_item':
      return item(p, ts, undefined, text, line, s, out);
    default:
      out.error(line, `unknown rollout line type "${type}"`);
  }
}

function item(p: JsonObject, ts: bigint, anchoring: string | undefined, text: string, line: number, s: Session, out: OutputBuffer): void {
  const evs = responseItemEvents(p, { ts, line, pointer: '', agent: AGENT, raw: text, extra: { sessionId: s.id, model: s.model, anchoring } }, s.names);
  if (!evs.length) out.merged++;
  for (const e of evs) out.events.push(e);
}

/**
 * Where an untimed legacy line goes: at the header's time (one nanosecond apart, so file order holds), or,
 * without a readable header, one second apart from the start time the user gave or the epoch, as the other
 * untimed transcripts are (the wording is what the placement query looks for).
 */
function place(s: Session, what: string): [bigint, string] {
  const step = s.steps++;
  if (s.headerTs !== undefined) return [s.headerTs + BigInt(step), `${what}, at the session header's timestamp (legacy rollout items carry no time of their own)`];
  const from = s.ctx.anchorNs !== undefined ? 'the given start time' : 'the epoch (no anchor given)';
  return [(s.ctx.anchorNs ?? 0n) + BigInt(step) * SECOND, `${what}, 1 s apart from ${from}`];
}

function legacy(o: JsonObject, text: string, line: number, s: Session, out: OutputBuffer): void {
  const tag = str(o.record_type);
  if (tag === 'state' || tag === 'event') {
    out.merged++; // state snapshots and UI events: nothing the response items do not say
    return;
  }
  const own = anyTimeToNanos(o.timestamp);
  if (tag === 'session_meta' || tag === 'prev_session_meta' || (!tag && o.type === undefined && typeof o.id === 'string')) {
    s.id = o.id;
    s.steps = 0;
    s.headerTs = own;
    if (own !== undefined) return void out.events.push(sessionStart(o, own as Nanos, line, text));
    const [at, anchoring] = place(s, 'session header without a readable timestamp');
    return void out.events.push(sessionStart(o, at as Nanos, line, text, { anchoring }));
  }
  if (typeof o.type !== 'string' || (tag && tag !== 'response')) {
    return out.error(line, 'neither a rollout line, a session header nor a response item');
  }
  // A line with a time of its own (the short-lived `record_type` rollouts) keeps it.
  if (own !== undefined) return item(o, own, undefined, text, line, s, out);
  const [at, anchoring] = place(s, `item ${s.steps}`);
  item(o, at, anchoring, text, line, s, out);
}

function createParser(ctx: ParseContext): RecordParser {
  const s: Session = { names: new Map(), ctx, steps: 0 };
  return lineParser((text, line, out) => {
    const o = parseJsonObject(text);
    if (typeof o === 'string') return out.error(line, o);
    if (isObject(o.payload)) return current(o, o.payload, text, line, s, out);
    if (LINE_TYPES.test(`"type":"${str(o.type)}"`)) return out.error(line, `rollout line without a payload object (type "${str(o.type)}")`);
    legacy(o, text, line, s, out);
  });
}

export const codexRollout: Importer = {
  id: 'codex-rollout',
  label: 'OpenAI Codex CLI session rollout',
  version: 2,
  mode: 'lines',
  detect: detectCodexRollout,
  createParser,
};
