// Classification in the context-boundary taxonomy; several classes can apply, each with its reason.
import type { Classification, Divergence, Intervention } from './types';
import type { AnalysisContext } from './context';
import type { AgentAction } from './actions';
import { clock, humanDuration } from './context';

/** Words of a task that optimises one quantity (cost, speed, count) rather than keeping things up. */
const NARROW = /\b(cut|reduce|lower|minimi[sz]e|save|saving|cheaper|cost|costs|spend|scale down|downsize|clean ?up|free up|as fast as|quickly)\b/i;

export function classify(ctx: AnalysisContext, actions: AgentAction[], divs: Divergence[], iv: Intervention): Classification[] {
  const out: Classification[] = [];
  const of = (k: Divergence['kind']) => divs.filter((d) => d.kind === k);
  const stale = of('stale_context');
  if (stale.length) out.push({ class: 'stale_context', confidence: Math.max(...stale.map((d) => d.confidence)), rationale: stale[0].why });
  const missing = [...of('blind_spot'), ...of('unobserved_target')];
  if (missing.length) {
    out.push({ class: 'missing_context', confidence: Math.max(...missing.map((d) => d.confidence)), rationale: `The agent acted without looking at ${missing.map((d) => d.resource).filter((r, i, a) => a.indexOf(r) === i).join(', ')}: ${missing[0].why}` });
  }
  const task = taskText(ctx);
  const drift = of('environment_drift');
  if (task && NARROW.test(task) && (drift.length || iv.first_impact)) {
    const ignored = drift.length ? drift[0].why : `its writes were followed by errors from ${iv.first_impact ? clock(BigInt(Date.parse(iv.first_impact)) * 1_000_000n) : 'the service'}`;
    out.push({ class: 'narrow_objective', confidence: drift.length ? 0.75 : 0.6, rationale: `The task was "${task.slice(0, 160)}", an objective about cost alone, while stability signals went unchecked: ${ignored}` });
  }
  if (actions.length) {
    const approvals = ctx.events.filter((e) => e.kind === 'user_message' && e.ts > actions[0].event.ts - 60_000_000_000n && e.ts <= actions[actions.length - 1].event.ts);
    if (!approvals.length) {
      const span = Number((actions[actions.length - 1].event.ts - actions[0].event.ts) / 1_000_000n);
      out.push({
        class: 'faster_than_review', confidence: actions.length > 1 ? 0.7 : 0.55,
        rationale: `${actions.length} production write(s) in ${humanDuration(span)} (from ${clock(actions[0].event.ts)}) with no human message or approval recorded between the agent's decision and its writes.`,
      });
    }
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.class.localeCompare(b.class));
}

/** The task the agent was given: the first user message, or the input messages of its run. */
export function taskText(ctx: AnalysisContext): string | undefined {
  const user = ctx.events.find((e) => e.kind === 'user_message' && e.message);
  if (user) return user.message;
  for (const run of ctx.events.filter((e) => e.kind === 'agent_run')) {
    const found = findUserContent(run.attrs);
    if (found) return found;
  }
  return undefined;
}

function findUserContent(v: unknown, depth = 0): string | undefined {
  if (depth > 8 || v === null || v === undefined) return undefined;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('[') || t.startsWith('{')) {
      try {
        return findUserContent(JSON.parse(t), depth + 1);
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
  if (Array.isArray(v)) {
    for (const x of v) {
      const r = findUserContent(x, depth + 1);
      if (r) return r;
    }
    return undefined;
  }
  const o = v as Record<string, unknown>;
  if (o.role === 'user') {
    if (typeof o.content === 'string') return o.content;
    const parts = Array.isArray(o.parts) ? o.parts : Array.isArray(o.content) ? o.content : [];
    const text = parts.map((p) => (p && typeof p === 'object' ? String((p as { content?: unknown; text?: unknown }).content ?? (p as { text?: unknown }).text ?? '') : '')).join(' ').trim();
    if (text) return text;
  }
  for (const key of Object.keys(o).sort()) {
    const r = findUserContent(o[key], depth + 1);
    if (r) return r;
  }
  return undefined;
}
