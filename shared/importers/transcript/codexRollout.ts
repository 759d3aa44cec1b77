// OpenAI Codex CLI session rollouts (~/.codex/sessions/…/rollout-*.jsonl): one `{timestamp, type, payload}`
// per line. response_item payloads are Responses API items (calls and outputs linked by call_id);
// session_meta starts the agent run; turn_context sets the model for the lines after it; event_msg lines
// repeat what the response items already say (for the terminal UI), so they count as merged.
import type { ParsedEvent } from '../../model/event';
import type { Nanos } from '../../model/ids';
import type { Importer, RecordParser } from '../types';
import { isObject, parseJsonObject, safeStringify, str, type JsonObject } from '../common/json';
import { lineParser } from '../common/output';
import { anyTimeToNanos } from '../common/time';
import { responseItemEvents, type CallNames } from './responseItems';

const LINE_TYPES = /"type"\s*:\s*"(session_meta|response_item|turn_context|event_msg)"/;

export function detectCodexRollout(head: string, name: string): number {
  // The first line (session_meta with the full instructions) can be longer than the head: look at its start only.
  const start = head.trimStart().slice(0, 400);
  if (start[0] !== '{' || !LINE_TYPES.test(start) || !/"payload"\s*:\s*\{/.test(start)) return 0;
  return /^rollout-/.test(name) || /"timestamp"\s*:/.test(start) ? 0.95 : 0.9;
}

const AGENT = 'codex';

function sessionStart(p: JsonObject, ts: Nanos, line: number, raw: string): ParsedEvent {
  const id = str(p.id);
  return {
    sourceLine: line, sourcePointer: '', ts, endTs: null, kind: 'agent_run', actor: AGENT, actorType: 'agent', service: AGENT,
    resource: '', action: 'invoke_agent', severity: 'info', message: `Codex session ${id}${p.cwd ? ` in ${str(p.cwd)}` : ''}`.trim(),
    traceId: '', spanId: '', parentSpanId: '', callId: '',
    attributes: safeStringify({ sessionId: id, cwd: p.cwd, cliVersion: p.cli_version, originator: p.originator, source: p.source, modelProvider: p.model_provider, git: p.git }),
    raw,
  };
}

function createParser(): RecordParser {
  const names: CallNames = new Map();
  let sessionId: unknown;
  let model: unknown;
  return lineParser((text, line, out) => {
    const o = parseJsonObject(text);
    if (typeof o === 'string') return out.error(line, o);
    const type = str(o.type);
    const p = isObject(o.payload) ? o.payload : undefined;
    if (!p) return out.error(line, `rollout line without a payload object (type "${type}")`);
    const ts = anyTimeToNanos(o.timestamp);
    if (ts === undefined) return out.error(line, 'rollout line without a readable timestamp');
    switch (type) {
      case 'session_meta':
        sessionId = p.id;
        return void out.events.push(sessionStart(p, ts, line, text));
      case 'turn_context':
        model = p.model ?? model;
        out.merged++;
        return;
      case 'event_msg':
      case 'compacted':
        out.merged++;
        return;
      case 'response_item': {
        const evs = responseItemEvents(p, { ts, line, pointer: '', agent: AGENT, raw: text, extra: { sessionId, model } }, names);
        if (!evs.length) out.merged++;
        for (const e of evs) out.events.push(e);
        return;
      }
      default:
        out.error(line, `unknown rollout line type "${type}"`);
    }
  });
}

export const codexRollout: Importer = {
  id: 'codex-rollout',
  label: 'OpenAI Codex CLI session rollout',
  version: 1,
  mode: 'lines',
  detect: detectCodexRollout,
  createParser,
};
