// OpenHands event streams: a JSON array of events (a saved trajectory) or evaluation output lines each with
// a `history` array. Actions (run, edit, read, message, finish) and their observations link by `cause`.
import type { ParsedEvent } from '../../model/event';
import type { Importer } from '../types';
import { isObject, safeStringify, str, type JsonObject } from '../common/json';
import { OutputBuffer, documentParser } from '../common/output';
import { lineOfError } from '../common/document';
import { SpanLocator } from '../otlp/locate';
import { anyTimeToNanos } from '../common/time';
import { said, toolCall, toolResult } from './blocks';

export function detectOpenHands(head: string): number {
  const t = head.trimStart();
  const events = /"source"\s*:\s*"(user|agent|environment)"/.test(head) && /"(action|observation)"\s*:/.test(head);
  if (t[0] === '[' && events) return 0.9;
  if (t[0] === '{' && /"history"\s*:/.test(head) && /"instance_id"\s*:/.test(head)) return 0.9;
  return 0;
}

const TOOL_NAMES: Record<string, string> = { run: 'bash', run_ipython: 'ipython', edit: 'str_replace_editor', write: 'str_replace_editor', read: 'str_replace_editor', browse: 'browser', browse_interactive: 'browser' };
const VERBS: Record<string, string> = { edit: 'write', write: 'write', read: 'read', browse: 'read', browse_interactive: 'read', run_ipython: 'run' };

function history(events: unknown[], out: OutputBuffer, agent: string, lineOf: (e: JsonObject) => number, base: string): void {
  const callIds = new Map<number, string>();
  events.forEach((e, i) => {
    const pointer = `${base}/${i}`;
    if (!isObject(e)) return out.error(lineOf({}), `${pointer} is not an event object`);
    const line = lineOf(e);
    const ts = anyTimeToNanos(e.timestamp);
    if (ts === undefined) return out.error(line, `${pointer}: event without a timestamp`);
    const meta = isObject(e.tool_call_metadata) ? e.tool_call_metadata : {};
    const w = { ts, line, pointer, agent, raw: safeStringify(e), extra: { openhandsId: e.id, source: e.source } };
    const args = isObject(e.args) ? e.args : {};
    const action = str(e.action);
    let ev: ParsedEvent | undefined;
    if (action === 'message' || action === 'finish' || action === 'think') {
      const text = str(args.content) || str(args.final_thought) || str(args.thought) || str(e.message);
      ev = said(w, e.source === 'user' ? 'user' : 'agent', text, e.source === 'user' ? 'user' : agent);
      if (action !== 'message') ev.action = action;
    } else if (action) {
      const callId = str(meta.tool_call_id) || `openhands-${str(e.id)}`;
      if (typeof e.id === 'number') callIds.set(e.id, callId);
      const input = action === 'run' ? { command: str(args.command) } : args;
      ev = toolCall(w, str(meta.function_name) || TOOL_NAMES[action] || action, callId, input);
      if (ev.action === (str(meta.function_name) || TOOL_NAMES[action] || action)) ev.action = VERBS[action] ?? action;
    } else if (e.observation !== undefined) {
      const cause = typeof e.cause === 'number' ? callIds.get(e.cause) : undefined;
      const extras = isObject(e.extras) ? e.extras : {};
      const failed = e.observation === 'error' || (typeof extras.exit_code === 'number' && extras.exit_code !== 0);
      ev = toolResult(w, cause ?? str(meta.tool_call_id), e.content ?? e.message, failed, str(e.observation));
    }
    if (ev) out.events.push(ev);
    else out.merged++;
  });
}

function parse(text: string, out: OutputBuffer): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    // Not one document: evaluation output, one run per line.
    if (text.trimStart()[0] !== '{') return out.error(lineOfError(text, e), `invalid JSON document: ${String(e)}`);
    text.split('\n').forEach((l, i) => {
      if (!l.trim()) return;
      let run: unknown;
      try {
        run = JSON.parse(l);
      } catch (err) {
        return out.error(i + 1, `invalid JSON: ${String(err).slice(0, 200)}`);
      }
      if (!isObject(run) || !Array.isArray(run.history)) return out.error(i + 1, 'not an OpenHands run (no history array)');
      const agent = isObject(run.metadata) ? str(run.metadata.agent_class) || 'openhands' : 'openhands';
      history(run.history, out, agent, () => i + 1, '/history');
    });
    return;
  }
  const list = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.history) ? doc.history : undefined;
  if (!list) return out.error(1, 'expected an OpenHands event array or a run with history');
  const locator = new SpanLocator(text, 1, 'id');
  history(list, out, 'openhands', (e) => locator.lineOf(e.id === undefined ? undefined : String(e.id)) ?? 1, Array.isArray(doc) ? '' : '/history');
}

export const openHands: Importer = {
  id: 'openhands',
  label: 'OpenHands event stream',
  version: 1,
  mode: 'document',
  detect: (head) => detectOpenHands(head),
  createParser: () => documentParser(parse),
};
