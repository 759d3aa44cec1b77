// OpenAI Responses API items (also what Codex CLI records) → transcript events. Calls and their outputs
// carry the same call_id, so they link across items; an item of a type not known here is kept as a tool
// step when it is a `*_call`, so a newer item type is still seen.
import type { ParsedEvent } from '../../model/event';
import { isObject, str, type JsonObject } from '../common/json';
import { messageEvents, said, toolCall, toolResult, type Where } from './blocks';

/** Tool names by call id, so a result can say which tool answered. */
export type CallNames = Map<string, string>;

/** Codex wraps shell output as `{"output": …, "metadata": {"exit_code": n}}` or `Exit code: n\n…`; a non-zero exit is a failed step. */
function shellOutcome(output: unknown): { text: unknown; failed: boolean } {
  if (typeof output !== 'string') return { text: output, failed: false };
  const t = output.trimStart();
  if (t.startsWith('{') && t.includes('"exit_code"')) {
    try {
      const o = JSON.parse(t) as unknown;
      if (isObject(o) && isObject(o.metadata) && typeof o.metadata.exit_code === 'number') return { text: o.output ?? output, failed: o.metadata.exit_code !== 0 };
    } catch {
      // plain text that happens to start with a brace
    }
  }
  const m = /^Exit code: (-?\d+)/.exec(t);
  return { text: output, failed: m ? m[1] !== '0' : false };
}

const reasoningText = (item: JsonObject): string =>
  [item.summary, item.content]
    .flatMap((parts) => (Array.isArray(parts) ? parts : []))
    .map((p) => (isObject(p) ? str(p.text) : ''))
    .filter(Boolean)
    .join('\n');

const BOOKKEEPING = new Set(['type', 'id', 'call_id', 'status']);

/** One item → its events; empty when the item holds no step (a system message, encrypted reasoning). */
export function responseItemEvents(item: JsonObject, w: Where, names: CallNames): ParsedEvent[] {
  const type = str(item.type) || (item.role !== undefined ? 'message' : '');
  const callId = (str(item.call_id) || str(item.id)).trim();
  const call = (name: string, input: unknown) => {
    names.set(callId, name);
    return [toolCall(w, name, callId, input)];
  };
  switch (type) {
    case 'message':
      return messageEvents(item, w);
    case 'reasoning': {
      const text = reasoningText(item);
      return text ? [{ ...said(w, 'agent', text), action: 'think' }] : [];
    }
    case 'function_call':
      return call(str(item.name), item.arguments);
    case 'custom_tool_call':
      return call(str(item.name), item.input);
    case 'local_shell_call':
      return call('shell', item.action);
    case 'mcp_call': {
      const [c] = call(str(item.name), item.arguments);
      const failed = item.error !== undefined && item.error !== null;
      return [c, toolResult(w, callId, failed ? item.error : item.output, failed, str(item.name))];
    }
  }
  if (type.endsWith('_call_output')) {
    const { text, failed } = shellOutcome(item.output);
    return [toolResult(w, callId, text, failed, names.get(callId) ?? '')];
  }
  if (type.endsWith('_call')) {
    const input = isObject(item.action) ? item.action : Object.fromEntries(Object.entries(item).filter(([k]) => !BOOKKEEPING.has(k)));
    return call(type.slice(0, -'_call'.length), input);
  }
  return [];
}
