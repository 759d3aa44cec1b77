// OpenTelemetry GenAI semantic conventions: which spans are agent runs and tool calls, and who the agent is.
import { str } from '../common/json';
import type { SpanInfo } from './spans';

export const operationOf = (s: SpanInfo) => str(s.attrs['gen_ai.operation.name']);
const nameOf = (s: SpanInfo) => str(s.span.name);
/** OpenInference (Arize Phoenix) says what a span is in `openinference.span.kind`: AGENT, TOOL, LLM, CHAIN, … */
const openInferenceKind = (s: SpanInfo) => str(s.attrs['openinference.span.kind']).toUpperCase();

export const isAgentRun = (s: SpanInfo) =>
  operationOf(s) === 'invoke_agent' || openInferenceKind(s) === 'AGENT' || (!operationOf(s) && nameOf(s).startsWith('invoke_agent'));
export const isToolCall = (s: SpanInfo) =>
  operationOf(s) === 'execute_tool' || openInferenceKind(s) === 'TOOL' || (!operationOf(s) && nameOf(s).startsWith('execute_tool'));

export function agentNameOf(s: SpanInfo): string {
  return str(s.attrs['gen_ai.agent.name']) || str(s.attrs['agent.name']) || nameOf(s).replace(/^invoke_agent\s*/, '') || s.service;
}

/** The call id a tool span records itself, in the spellings of the GenAI conventions and OpenInference. */
export const toolSpanCallId = (s: SpanInfo) => (str(s.attrs['gen_ai.tool.call.id']) || str(s.attrs['tool_call.id']) || str(s.attrs['tool.id'])).trim();

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
  return str(s.attrs['gen_ai.tool.name']) || str(s.attrs['tool.name']) || nameOf(s).replace(/^execute_tool\s*/, '') || 'tool';
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
