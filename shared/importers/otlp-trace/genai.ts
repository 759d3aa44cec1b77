// OpenTelemetry GenAI semantic conventions: which spans are agent runs and tool calls, and who the agent is.
import { str } from '../common/json';
import type { SpanInfo } from './spans';

export const operationOf = (s: SpanInfo) => str(s.attrs['gen_ai.operation.name']);
const nameOf = (s: SpanInfo) => str(s.span.name);

export const isAgentRun = (s: SpanInfo) => operationOf(s) === 'invoke_agent' || (!operationOf(s) && nameOf(s).startsWith('invoke_agent'));
export const isToolCall = (s: SpanInfo) => operationOf(s) === 'execute_tool' || (!operationOf(s) && nameOf(s).startsWith('execute_tool'));

export function agentNameOf(s: SpanInfo): string {
  return str(s.attrs['gen_ai.agent.name']) || nameOf(s).replace(/^invoke_agent\s*/, '') || s.service;
}

/** The name of the agent a span runs under: its nearest invoke_agent ancestor (cycle-safe). */
export function enclosingAgent(s: SpanInfo, byId: Map<string, SpanInfo>): string | undefined {
  let cur: SpanInfo | undefined = s;
  for (let hops = 0; cur && hops < 256; hops++) {
    if (isAgentRun(cur)) return agentNameOf(cur);
    if (cur !== s && str(cur.attrs['gen_ai.agent.name'])) return str(cur.attrs['gen_ai.agent.name']);
    cur = cur.parentSpanId ? byId.get(`${cur.traceId}/${cur.parentSpanId}`) : undefined;
  }
  return undefined;
}

export function toolNameOf(s: SpanInfo): string {
  return str(s.attrs['gen_ai.tool.name']) || nameOf(s).replace(/^execute_tool\s*/, '') || 'tool';
}

/** Tool-call arguments as text, whether the attribute holds a JSON string or a structured value. */
export function argumentsText(s: SpanInfo): string {
  const a = s.attrs['gen_ai.tool.call.arguments'] ?? s.attrs['gen_ai.tool.arguments'] ?? s.attrs['input.value'];
  if (a === undefined || a === null) return '';
  return typeof a === 'string' ? a : JSON.stringify(a);
}

export function resultText(s: SpanInfo): string {
  const r = s.attrs['gen_ai.tool.call.result'] ?? s.attrs['gen_ai.tool.result'] ?? s.attrs['output.value'];
  if (r === undefined || r === null) return '';
  return typeof r === 'string' ? r : JSON.stringify(r);
}

/** Older flat attributes: gen_ai.completion.N.content, the text a model produced on a chat span. */
export function completions(s: SpanInfo): string[] {
  const out: string[] = [];
  for (let i = 0; i < 64; i++) {
    const c = s.attrs[`gen_ai.completion.${i}.content`];
    if (c === undefined) break;
    if (typeof c === 'string' && c) out.push(c);
  }
  return out;
}
