// Chat messages as Anthropic and OpenAI spell them → user/agent messages, tool calls and tool results,
// shared by Claude Code logs, bare message arrays, and other transcript formats.
import type { ParsedEvent } from '../../model/event';
import type { Nanos } from '../../model/ids';
import { parseToolArguments } from '../../entities/kubectl';
import { isObject, safeStringify, str, type JsonObject } from '../common/json';
import { truncate } from '../../util/utf8';

export const MESSAGE_CHARS = 2000;

export interface Where {
  ts: bigint;
  line: number;
  pointer: string;
  agent: string;
  raw: string;
  /** Extra attributes (e.g. how the time was anchored). */
  extra?: JsonObject;
}

function base(w: Where, kind: ParsedEvent['kind'], actorType: ParsedEvent['actorType'], actor: string): ParsedEvent {
  return {
    sourceLine: w.line, sourcePointer: w.pointer, ts: w.ts as Nanos, endTs: null, kind, actor, actorType, service: w.agent,
    resource: '', action: '', severity: 'info', message: '', traceId: '', spanId: '', parentSpanId: '', callId: '', attributes: '{}', raw: w.raw,
  };
}

const textOf = (c: unknown): string =>
  typeof c === 'string' ? c : Array.isArray(c) ? c.map((b) => (isObject(b) ? str(b.text) || (b.type === 'text' ? '' : '') : str(b))).filter(Boolean).join('\n') : isObject(c) ? str(c.text) || safeStringify(c) : '';

/** A tool call with its kubectl intent, if the input holds one. */
export function toolCall(w: Where, name: string, callId: string, input: unknown): ParsedEvent {
  const args = typeof input === 'string' ? input : safeStringify(input ?? {});
  const intent = parseToolArguments(input);
  return {
    ...base(w, 'tool_call', 'agent', w.agent), callId: callId.trim(), resource: intent?.resource ?? '', action: intent?.verb || name,
    message: truncate(`${name} ${args}`, MESSAGE_CHARS), attributes: safeStringify({ ...w.extra, tool: name, arguments: args, intent: intent ?? null }),
  };
}

export function toolResult(w: Where, callId: string, content: unknown, isError = false, name = ''): ParsedEvent {
  const result = textOf(content);
  return {
    ...base(w, 'tool_result', 'agent', w.agent), callId: callId.trim(), action: 'observe', severity: isError ? 'error' : 'info',
    message: truncate(result, MESSAGE_CHARS), attributes: safeStringify({ ...w.extra, tool: name || undefined, result }),
  };
}

export function said(w: Where, who: 'user' | 'agent', text: string, actor?: string): ParsedEvent {
  return {
    ...base(w, who === 'user' ? 'user_message' : 'agent_message', who === 'user' ? 'human' : 'agent', actor ?? (who === 'user' ? 'user' : w.agent)),
    action: 'say', message: truncate(text, MESSAGE_CHARS), attributes: safeStringify({ ...w.extra, text }),
  };
}

/** Text parts as Anthropic (`text`) and the OpenAI Responses API (`input_text`, `output_text`) spell them. */
const TEXT_BLOCKS = new Set(['text', 'input_text', 'output_text']);

/**
 * One chat message (Anthropic content blocks, OpenAI `tool_calls` / role `tool`, or a Responses API message item) → its events.
 * Tool results are found by the call id the assistant gave, so call and result link across messages.
 */
export function messageEvents(m: JsonObject, w: Where): ParsedEvent[] {
  const role = str(m.role);
  const out: ParsedEvent[] = [];
  if (role === 'tool') return [toolResult(w, str(m.tool_call_id), m.content, false, str(m.name))];
  const who = role === 'user' || role === 'human' ? 'user' : 'agent';
  // Instructions to the model, not a step of the conversation ('developer' is OpenAI's newer name for system).
  if (role === 'system' || role === 'developer') return out;
  const blocks = Array.isArray(m.content) ? m.content : [];
  const texts: string[] = typeof m.content === 'string' ? [m.content] : [];
  for (const b of blocks) {
    if (!isObject(b)) continue;
    if (TEXT_BLOCKS.has(str(b.type)) && typeof b.text === 'string') texts.push(b.text);
    else if (b.type === 'refusal' && typeof b.refusal === 'string') texts.push(b.refusal);
    else if (b.type === 'tool_use') out.push(toolCall(w, str(b.name), str(b.id), b.input));
    else if (b.type === 'tool_result') out.push(toolResult(w, str(b.tool_use_id), b.content, b.is_error === true));
  }
  if (Array.isArray(m.tool_calls)) {
    for (const c of m.tool_calls) {
      if (!isObject(c)) continue;
      const fn = isObject(c.function) ? c.function : {};
      out.push(toolCall(w, str(fn.name), str(c.id), fn.arguments));
    }
  }
  const text = texts.join('\n').trim();
  if (text) out.unshift(said(w, who, text));
  return out;
}
