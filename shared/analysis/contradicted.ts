// contradicted: what the agent read or said about a resource disagrees with what the control plane
// had recorded at that moment (a cached or wrong tool output, or the agent restating an old number).
import type { ControlEvent } from '../queries/controlEvents';
import type { Divergence, Evidence } from './types';
import { clock, evidenceOf, iso, ranOn, type AnalysisContext } from './context';
import { describeFacts, requestFacts, isStatusWrite, type AgentAction } from './actions';
import type { Observation } from './observations';
import { isAgent, type AgentIdentity } from './actors';
import { isWrite } from './verbs';
import { parseK8sKey } from '../model/resource';

interface Recorded { ts: bigint; value: string; event: ControlEvent }
interface Claim { ts: bigint; resource: string; fact: string; value: string; evidence: Evidence[]; what: string; confidence: number }

/** "payments runs 6 replicas", "6 replicas of payments": the agent restating a replica count. */
const STATEMENTS = [/\b([a-z0-9][a-z0-9-]*)\s+(?:runs|has|is running|is at|at)\s+(\d+)\s+replicas?\b/gi, /\b(\d+)\s+replicas?\s+(?:of|for)\s+([a-z0-9][a-z0-9-]*)/gi];

export function findContradictions(ctx: AnalysisContext, id: AgentIdentity, actions: AgentAction[], observations: Observation[]): Omit<Divergence, 'id'>[] {
  const recorded = new Map<string, Recorded[]>();
  for (const e of ctx.events) {
    if (e.kind !== 'audit' || !isWrite(e.action) || isStatusWrite(e) || !e.resource) continue;
    for (const [fact, value] of requestFacts(e)) {
      if (!fact.startsWith('spec.')) continue;
      const k = `${e.resource}|${fact}`;
      recorded.set(k, [...(recorded.get(k) ?? []), { ts: e.ts, value, event: e }]);
    }
  }
  const claims: Claim[] = [];
  for (const o of observations) {
    if (o.event.kind !== 'tool_result') continue;
    for (const [fact, value] of o.facts) if (fact.startsWith('spec.')) claims.push({ ts: o.ts, resource: o.resource, fact, value, evidence: o.evidence, what: "the agent's tool output said", confidence: 0.9 });
  }
  const deployments = new Map<string, string[]>();
  for (const e of ctx.events) {
    const k = parseK8sKey(e.resource);
    if (k?.kind === 'deployment') deployments.set(k.name, [...new Set([...(deployments.get(k.name) ?? []), e.resource])]);
  }
  for (const e of ctx.events) {
    if (!isAgent(id, e.actor) || (e.kind !== 'agent_message' && e.kind !== 'span')) continue;
    // A model call's words exist when the call ends, not when it starts.
    const text = e.kind === 'agent_message' ? e.message : spokenText(e);
    for (const re of STATEMENTS) {
      for (const m of text.matchAll(re)) {
        const [name, count] = /^\d+$/.test(m[1]) ? [m[2], m[1]] : [m[1], m[2]];
        const keys = deployments.get(name.toLowerCase());
        if (keys?.length === 1) claims.push({ ts: e.endTs ?? e.ts, resource: keys[0], fact: 'spec.replicas', value: count, evidence: [evidenceOf(ctx, e)], what: 'the agent stated', confidence: 0.8 });
      }
    }
  }
  const out: Omit<Divergence, 'id'>[] = [];
  for (const c of claims) {
    const history = recorded.get(`${c.resource}|${c.fact}`) ?? [];
    const before = history.filter((r) => r.ts < c.ts).at(-1);
    if (!before || before.value === c.value) continue;
    const action = actions.find((a) => a.resource === c.resource && a.event.ts >= c.ts);
    if (!action) continue;
    out.push({
      kind: 'contradicted',
      resource: c.resource,
      action: { event_id: action.event.id, ts: iso(action.event.ts), actor: action.actor, intent: describeFacts(action.facts) || `${action.verb} ${action.resource}`, evidence: action.evidence },
      believed: { fact: c.fact, value: c.value, observed_at: iso(c.ts), evidence: c.evidence },
      actual: { fact: c.fact, value: before.value, since: iso(before.ts), changed_by: before.event.actor, evidence: [evidenceOf(ctx, before.event)] },
      staleness_ms: null,
      confidence: c.confidence,
      why: `At ${clock(c.ts)} ${c.what} ${c.fact} = ${c.value} for ${c.resource}, but ${before.event.actor} had set it to ${before.value} at ${clock(before.ts)}; the agent then ${ranOn(action.verb, action.resource)} at ${clock(action.event.ts)}.`,
    });
  }
  return out;
}

/** What the agent said on a model-call span: gen_ai.output.messages (current) as plain text. */
function spokenText(e: ControlEvent): string {
  const attrs = (e.attrs.attributes ?? {}) as Record<string, unknown>;
  const raw = attrs['gen_ai.output.messages'];
  if (typeof raw !== 'string') return '';
  try {
    const messages = JSON.parse(raw) as { role?: string; parts?: { content?: unknown; text?: unknown }[]; content?: unknown }[];
    return messages
      .filter((m) => m.role !== 'user')
      .map((m) => (typeof m.content === 'string' ? m.content : (m.parts ?? []).map((p) => String(p.content ?? p.text ?? '')).join(' ')))
      .join('\n');
  } catch {
    return '';
  }
}
