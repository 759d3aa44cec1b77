// A span → its events: 'span', 'agent_run', or a linked 'tool_call' + 'tool_result' pair for a tool span;
// a model span also yields the messages it produced and the tool calls and results it carries (see callIndex).
import type { ParsedEvent, Severity } from '../../model/event';
import type { Nanos } from '../../model/ids';
import { parseToolArguments } from '../../entities/kubectl';
import { safeStringify, str, type JsonObject } from '../common/json';
import { truncate } from '../../util/utf8';
import { agentNameOf, argumentsText, enclosingAgent, isAgentRun, isToolCall, operationOf, resultText, toolNameOf } from './genai';
import type { CallIndex } from './callIndex';
import type { SpanInfo } from './spans';

export const MESSAGE_CHARS = 2000;

function severityOf(s: SpanInfo): Severity {
  const code = (s.span.status as JsonObject | undefined)?.code;
  return code === 2 || code === 'STATUS_CODE_ERROR' ? 'error' : 'info';
}

const asText = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : safeStringify(v));

function call(base: ParsedEvent, callId: string, tool: string, args: string, ts: Nanos, extra: JsonObject): ParsedEvent {
  const intent = parseToolArguments(args);
  return {
    ...base, kind: 'tool_call', actorType: 'agent', callId, ts, resource: intent?.resource ?? '', action: intent?.verb || tool,
    message: truncate(`${tool} ${args}`.trim(), MESSAGE_CHARS), attributes: safeStringify({ ...extra, tool, arguments: args, intent: intent ?? null }),
  };
}

function result(base: ParsedEvent, callId: string, tool: string, text: string, ts: Nanos, extra: JsonObject): ParsedEvent {
  return {
    ...base, kind: 'tool_result', actorType: 'agent', callId, ts, endTs: null, action: 'observe', message: truncate(text, MESSAGE_CHARS),
    attributes: safeStringify({ ...extra, tool: tool || undefined, result: text }),
  };
}

export function spanToEvents(s: SpanInfo, byId: Map<string, SpanInfo>, ix: CallIndex): ParsedEvent[] {
  const raw = safeStringify(s.span);
  const agent = enclosingAgent(s, byId);
  const baseAttrs: JsonObject = { name: s.span.name, spanKind: s.span.kind, status: s.span.status, scope: s.scope, resource: s.resource, attributes: s.attrs };
  if (Array.isArray(s.span.events) && s.span.events.length) baseAttrs.events = s.span.events;
  if (Array.isArray(s.span.links) && s.span.links.length) baseAttrs.links = s.span.links;
  const base: ParsedEvent = {
    sourceLine: s.line, sourcePointer: s.pointer, ts: s.start as Nanos, endTs: s.end as Nanos | null, kind: 'span',
    actor: agent ?? s.service, actorType: agent ? 'agent' : s.service ? 'system' : 'unknown', service: s.service,
    resource: '', action: operationOf(s), severity: severityOf(s), message: str(s.span.name),
    traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId, callId: '', attributes: '', raw,
  };
  const end = (s.end ?? s.start) as Nanos;

  if (isAgentRun(s)) {
    return [{ ...base, kind: 'agent_run', actor: agentNameOf(s), actorType: 'agent', action: 'invoke_agent', attributes: safeStringify(baseAttrs) }];
  }
  if (isToolCall(s)) {
    const tool = toolNameOf(s);
    const callId = ix.toolCallId.get(s) ?? s.spanId;
    const from = ix.adoptedFrom.get(s);
    const c = call({ ...base, actor: agent ?? s.service }, callId, tool, argumentsText(s), s.start as Nanos, { ...baseAttrs, ...(from ? { callIdFromSpan: from.spanId } : {}) });
    const r = result({ ...c, endTs: null }, callId, tool, resultText(s), end, { callKind: 'tool_result' });
    return [c, r];
  }
  const out: ParsedEvent[] = [{ ...base, attributes: safeStringify(baseAttrs) }];
  const st = ix.steps.get(s);
  if (!st) return out;
  const step = { ...base, endTs: null, severity: 'info' as const, actorType: agent ? ('agent' as const) : base.actorType };
  // Prompts and results first: the model was handed them when the span began; what it answered comes at its end.
  for (const p of st.prompts) {
    if (ix.promptAt.get(p.text) !== s) continue;
    out.push({ ...step, kind: 'user_message', actor: 'user', actorType: 'human', action: 'say', message: truncate(p.text, MESSAGE_CHARS), attributes: safeStringify({ text: p.text, from: p.from }) });
  }
  for (const r of st.results) {
    if (ix.resultAt.get(r.id) !== s || ix.executed.has(r.id)) continue;
    out.push(result(step, r.id, r.name || (ix.toolNames.get(r.id) ?? ''), asText(r.content), s.start as Nanos, { from: r.from }));
  }
  for (const t of st.texts) {
    out.push({ ...step, kind: 'agent_message', ts: end, action: 'say', message: truncate(t.text, MESSAGE_CHARS), attributes: safeStringify({ text: t.text, from: t.from }) });
  }
  for (const c of st.calls) {
    if (ix.callAt.get(c.id) !== s || ix.executed.has(c.id)) continue;
    out.push(call(step, c.id, c.name || 'tool', asText(c.arguments), end, { from: c.from }));
  }
  return out;
}
