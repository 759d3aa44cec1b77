// Links tool calls across the spans of a file. A model span lists the calls it asked for in its output and
// the results it was handed in its input, and later model spans repeat those inputs, so each call and each
// result is emitted once: by the tool span that executed it when there is one (it has the real times), else
// by the earliest model span that mentions it; a user prompt, once, by the first span carrying it. A tool span
// without a call id of its own takes the id of the nearest earlier call to the same tool in its trace.
import { isToolCall, toolNameOf, toolSpanCallId } from './genai';
import { hasSteps, llmSteps, type LlmSteps } from './messages';
import type { SpanInfo } from './spans';

export interface CallIndex {
  steps: Map<SpanInfo, LlmSteps>;
  /** Call id of each tool span that has one (its own, or adopted). */
  toolCallId: Map<SpanInfo, string>;
  /** The model span a tool span's adopted id came from. */
  adoptedFrom: Map<SpanInfo, SpanInfo>;
  /** Ids executed by tool spans: the model spans' copies of them are not emitted. */
  executed: Set<string>;
  /** The one model span that emits each call, and each result. */
  callAt: Map<string, SpanInfo>;
  resultAt: Map<string, SpanInfo>;
  /** The model span that first carries each user prompt (by its text). */
  promptAt: Map<string, SpanInfo>;
  /** Tool name by call id, so a result can say which tool answered. */
  toolNames: Map<string, string>;
}

const byStart = (a: SpanInfo, b: SpanInfo) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);

export function buildCallIndex(spans: SpanInfo[]): CallIndex {
  const ix: CallIndex = { steps: new Map(), toolCallId: new Map(), adoptedFrom: new Map(), executed: new Set(), callAt: new Map(), resultAt: new Map(), promptAt: new Map(), toolNames: new Map() };
  const idless: SpanInfo[] = [];
  for (const s of spans) {
    if (isToolCall(s)) {
      const id = toolSpanCallId(s);
      if (id) ix.toolCallId.set(s, id), ix.executed.add(id);
      else idless.push(s);
      continue;
    }
    const st = llmSteps(s);
    if (hasSteps(st)) ix.steps.set(s, st);
  }
  // Calls not yet claimed, per trace and tool name, in the order their model spans started.
  const open = new Map<string, { id: string; span: SpanInfo }[]>();
  for (const s of [...ix.steps.keys()].sort(byStart)) {
    const st = ix.steps.get(s)!;
    for (const c of st.calls) {
      if (ix.callAt.has(c.id)) continue;
      ix.callAt.set(c.id, s);
      ix.toolNames.set(c.id, c.name);
      const key = `${s.traceId}/${c.name}`;
      if (!ix.executed.has(c.id)) open.set(key, [...(open.get(key) ?? []), { id: c.id, span: s }]);
    }
    for (const r of st.results) if (!ix.resultAt.has(r.id)) ix.resultAt.set(r.id, s);
    for (const p of st.prompts) if (!ix.promptAt.has(p.text)) ix.promptAt.set(p.text, s);
  }
  for (const t of idless.sort(byStart)) {
    const list = open.get(`${t.traceId}/${toolNameOf(t)}`);
    if (!list) continue;
    // The nearest earlier model span's first unclaimed call: that is the call this execution answers.
    let pick = -1;
    for (let i = 0; i < list.length && list[i].span.start <= t.start; i++) if (pick < 0 || list[i].span !== list[pick].span) pick = i;
    if (pick < 0) continue;
    const [{ id, span }] = list.splice(pick, 1);
    ix.toolCallId.set(t, id);
    ix.adoptedFrom.set(t, span);
    ix.executed.add(id);
  }
  return ix;
}
