// A span → its events: 'span', 'agent_run', or a linked 'tool_call' + 'tool_result' pair for execute_tool.
import type { ParsedEvent, Severity } from '../../model/event';
import type { Nanos } from '../../model/ids';
import { parseToolArguments } from '../../entities/kubectl';
import { safeStringify, str, type JsonObject } from '../common/json';
import { truncate } from '../../util/utf8';
import { agentNameOf, argumentsText, completions, enclosingAgent, isAgentRun, isToolCall, operationOf, resultText, toolNameOf } from './genai';
import type { SpanInfo } from './spans';

export const MESSAGE_CHARS = 2000;

function severityOf(s: SpanInfo): Severity {
  const code = (s.span.status as JsonObject | undefined)?.code;
  return code === 2 || code === 'STATUS_CODE_ERROR' ? 'error' : 'info';
}

export function spanToEvents(s: SpanInfo, byId: Map<string, SpanInfo>): ParsedEvent[] {
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

  if (isAgentRun(s)) {
    return [{ ...base, kind: 'agent_run', actor: agentNameOf(s), actorType: 'agent', action: 'invoke_agent', attributes: safeStringify(baseAttrs) }];
  }
  if (isToolCall(s)) {
    const tool = toolNameOf(s);
    const args = argumentsText(s);
    const result = resultText(s);
    const intent = parseToolArguments(args);
    const callId = str(s.attrs['gen_ai.tool.call.id']).trim() || s.spanId;
    const resource = intent?.resource ?? '';
    const actor = agent ?? s.service;
    const call: ParsedEvent = {
      ...base, kind: 'tool_call', actor, actorType: 'agent', callId, resource, action: intent?.verb || tool,
      message: truncate(`${tool} ${args}`.trim(), MESSAGE_CHARS),
      attributes: safeStringify({ ...baseAttrs, tool, arguments: args, intent: intent ?? null }),
    };
    const res: ParsedEvent = {
      ...base, kind: 'tool_result', actor, actorType: 'agent', callId, resource, action: 'observe',
      ts: (s.end ?? s.start) as Nanos, endTs: null, message: truncate(result, MESSAGE_CHARS),
      attributes: safeStringify({ tool, result, callKind: 'tool_result' }),
    };
    return [call, res];
  }
  const out: ParsedEvent[] = [{ ...base, attributes: safeStringify(baseAttrs) }];
  for (const text of completions(s)) {
    out.push({ ...base, kind: 'agent_message', ts: (s.end ?? s.start) as Nanos, endTs: null, action: 'say', actorType: agent ? 'agent' : base.actorType,
      message: truncate(text, MESSAGE_CHARS), attributes: safeStringify({ text, from: 'gen_ai.completion' }) });
  }
  return out;
}
