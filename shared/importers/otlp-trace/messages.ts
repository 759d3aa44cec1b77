// What a model span says it was given and answered, in the three spellings agents emit: OpenInference
// (`llm.input_messages.N.message.*`, `llm.output_messages.N.message.tool_calls.M.tool_call.*`), the older flat
// GenAI attributes (`gen_ai.prompt.N.*`, `gen_ai.completion.N.*`), and the current structured GenAI messages
// (`gen_ai.input.messages` / `gen_ai.output.messages`, JSON with typed parts).
import { isObject, str, type JsonObject } from '../common/json';
import type { SpanInfo } from './spans';

export interface LlmToolCall {
  id: string;
  name: string;
  arguments: unknown;
  /** The attribute family it was read from, recorded on the event. */
  from: string;
}

export interface LlmToolResult {
  id: string;
  content: unknown;
  name: string;
  from: string;
}

export interface LlmSteps {
  calls: LlmToolCall[];
  results: LlmToolResult[];
  texts: { text: string; from: string }[];
  /** What a person asked: user messages among the inputs (later spans repeat them as history). */
  prompts: { text: string; from: string }[];
}

const FLAT: [family: string, re: RegExp][] = [
  ['oi.call', /^llm\.output_messages\.(\d+)\.message\.tool_calls\.(\d+)\.tool_call\.(id|function\.name|function\.arguments)$/],
  ['oi.in', /^llm\.input_messages\.(\d+)\.message\.(role|content|tool_call_id|name)$/],
  ['oi.out', /^llm\.output_messages\.(\d+)\.message\.(role|content)$/],
  ['genai.call', /^gen_ai\.completion\.(\d+)\.tool_calls\.(\d+)\.(id|name|arguments)$/],
  ['genai.in', /^gen_ai\.prompt\.(\d+)\.(role|content|tool_call_id|name)$/],
  ['genai.out', /^gen_ai\.completion\.(\d+)\.(role|content)$/],
];

/** Flat indexed attributes grouped per message (or per tool call), in index order. */
function groups(attrs: JsonObject): Map<string, { order: number[]; fields: JsonObject }[]> {
  const byKey = new Map<string, { family: string; order: number[]; fields: JsonObject }>();
  for (const k in attrs) {
    if (!k.startsWith('llm.') && !k.startsWith('gen_ai.')) continue;
    for (const [family, re] of FLAT) {
      const m = re.exec(k);
      if (!m) continue;
      const idx = m.slice(1, -1).map(Number);
      const id = `${family}:${idx.join('.')}`;
      const g = byKey.get(id) ?? { family, order: idx, fields: {} };
      g.fields[m[m.length - 1]] = attrs[k];
      byKey.set(id, g);
      break;
    }
  }
  const out = new Map<string, { order: number[]; fields: JsonObject }[]>();
  for (const g of byKey.values()) out.set(g.family, [...(out.get(g.family) ?? []), g]);
  for (const list of out.values()) list.sort((a, b) => a.order[0] - b.order[0] || (a.order[1] ?? 0) - (b.order[1] ?? 0));
  return out;
}

/** `gen_ai.*.messages` holds JSON text (or, from some exporters, the structure itself). */
function structured(v: unknown): JsonObject[] {
  let list = v;
  if (typeof v === 'string') {
    try {
      list = JSON.parse(v);
    } catch {
      return [];
    }
  }
  return Array.isArray(list) ? list.filter(isObject) : [];
}

const partsOf = (m: JsonObject) => (Array.isArray(m.parts) ? m.parts.filter(isObject) : []);

export function llmSteps(s: SpanInfo): LlmSteps {
  const steps: LlmSteps = { calls: [], results: [], texts: [], prompts: [] };
  const g = groups(s.attrs);
  for (const { fields: f } of g.get('oi.call') ?? []) steps.calls.push({ id: str(f.id).trim(), name: str(f['function.name']), arguments: f['function.arguments'], from: 'llm.output_messages' });
  for (const { fields: f } of g.get('genai.call') ?? []) steps.calls.push({ id: str(f.id).trim(), name: str(f.name), arguments: f.arguments, from: 'gen_ai.completion' });
  for (const [family, from] of [['oi.in', 'llm.input_messages'], ['genai.in', 'gen_ai.prompt']] as const) {
    for (const { fields: f } of g.get(family) ?? []) {
      if (f.role === 'tool' && str(f.tool_call_id).trim()) steps.results.push({ id: str(f.tool_call_id).trim(), content: f.content, name: str(f.name), from });
      else if (f.role === 'user' && typeof f.content === 'string' && f.content.trim()) steps.prompts.push({ text: f.content, from });
    }
  }
  for (const [family, from] of [['oi.out', 'llm.output_messages'], ['genai.out', 'gen_ai.completion']] as const) {
    for (const { fields: f } of g.get(family) ?? []) {
      if ((f.role === undefined || f.role === 'assistant') && typeof f.content === 'string' && f.content) steps.texts.push({ text: f.content, from });
    }
  }
  for (const m of structured(s.attrs['gen_ai.output.messages'])) {
    for (const p of partsOf(m)) {
      // Its text parts stay on the span: the analysis reads what the agent said there (shared/analysis/contradicted.ts).
      if (p.type === 'tool_call') steps.calls.push({ id: str(p.id).trim(), name: str(p.name), arguments: p.arguments, from: 'gen_ai.output.messages' });
    }
  }
  for (const m of structured(s.attrs['gen_ai.input.messages'])) {
    for (const p of partsOf(m)) {
      if (p.type === 'tool_call_response' && str(p.id).trim()) steps.results.push({ id: str(p.id).trim(), content: p.response, name: '', from: 'gen_ai.input.messages' });
      else if (m.role === 'user' && p.type === 'text' && typeof p.content === 'string' && p.content.trim()) steps.prompts.push({ text: p.content, from: 'gen_ai.input.messages' });
    }
  }
  // A call without an id still happened: give it one from its span, so it stays an event.
  steps.calls.forEach((c, i) => (c.id ||= `${s.spanId}/${i}`));
  return steps;
}

export const hasSteps = (st: LlmSteps) => st.calls.length + st.results.length + st.texts.length + st.prompts.length > 0;
