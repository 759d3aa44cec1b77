// stale_context: the agent acted on R using a belief read at t0, and someone else changed R between t0
// and the action. A change by the agent itself, or one it re-read before acting, is not stale context.
import type { ControlEvent } from '../queries/controlEvents';
import type { Divergence } from './types';
import type { AgentAction } from './actions';
import { describeFacts, isStatusWrite, requestFacts } from './actions';
import type { Observation } from './observations';
import { isAgent, type AgentIdentity } from './actors';
import { clock, evidenceOf, humanDuration, iso, msBetween, ranOn, type AnalysisContext } from './context';
import { isWrite } from './verbs';

/** The agent's last reading of the resource before the action, preferring one that states the facts acted on. */
export function lastObservation(observations: Observation[], action: AgentAction): Observation | undefined {
  let any: Observation | undefined;
  let relevant: Observation | undefined;
  for (const o of observations) {
    if (o.resource !== action.resource || o.ts > action.event.ts) continue;
    if (!any || o.ts >= any.ts) any = o;
    const states = action.facts.size ? [...action.facts.keys()].some((f) => o.facts.has(f)) : o.facts.size > 0;
    if (states && (!relevant || o.ts >= relevant.ts)) relevant = o;
  }
  return relevant ?? any;
}

interface Change { fact: string; value: string | null; event: ControlEvent }

export function staleContext(ctx: AnalysisContext, id: AgentIdentity, action: AgentAction, seen: Observation): Omit<Divergence, 'id'> | undefined {
  const changes = ctx.events.filter((e) => e.kind === 'audit' && e.resource === action.resource && isWrite(e.action) && e.ts > seen.ts && e.ts < action.event.ts
    && e.id !== action.audit?.id && !isAgent(id, e.actor) && !isStatusWrite(e));
  if (!changes.length) return undefined;
  // Replay the changes over what the agent believed; keep the facts that ended up different.
  const current = new Map(seen.facts);
  const lastChange = new Map<string, Change>();
  let unrecorded: ControlEvent | undefined;
  for (const c of changes) {
    const facts = requestFacts(c);
    if (!facts.size) unrecorded ??= c;
    for (const [fact, value] of facts) {
      if (!seen.facts.has(fact) || current.get(fact) === value) continue;
      current.set(fact, value);
      lastChange.set(fact, { fact, value, event: c });
    }
  }
  const differing = [...lastChange.values()].filter((c) => c.value !== seen.facts.get(c.fact));
  const intentFirst = differing.sort((a, b) => Number(action.facts.has(b.fact)) - Number(action.facts.has(a.fact)) || a.fact.localeCompare(b.fact));
  const change = intentFirst[0];
  const staleness = msBetween(seen.ts, action.event.ts);
  const base = {
    kind: 'stale_context' as const,
    resource: action.resource,
    action: { event_id: action.event.id, ts: iso(action.event.ts), actor: action.actor, intent: describeFacts(action.facts) || `${action.verb} ${action.resource}`, evidence: action.evidence },
    staleness_ms: staleness,
  };
  if (change) {
    const believed = seen.facts.get(change.fact) ?? null;
    const inIntent = action.facts.has(change.fact);
    return {
      ...base,
      believed: { fact: change.fact, value: believed, observed_at: iso(seen.ts), evidence: seen.evidence },
      actual: { fact: change.fact, value: change.value, since: iso(change.event.ts), changed_by: change.event.actor, evidence: [evidenceOf(ctx, change.event)] },
      confidence: inIntent ? 0.95 : 0.8,
      why: `${action.actor} ${ranOn(action.verb, action.resource)} at ${clock(action.event.ts)} believing ${change.fact} = ${believed} (read ${humanDuration(staleness)} earlier, at ${clock(seen.ts)}), but ${change.event.actor} had set it to ${change.value} at ${clock(change.event.ts)}.`,
    };
  }
  if (!unrecorded) return undefined;
  const fact = [...action.facts.keys()][0] ?? '';
  return {
    ...base,
    believed: { fact, value: seen.facts.get(fact) ?? null, observed_at: iso(seen.ts), evidence: seen.evidence },
    actual: { fact, value: null, since: iso(unrecorded.ts), changed_by: unrecorded.actor, evidence: [evidenceOf(ctx, unrecorded)] },
    confidence: 0.5,
    why: `${unrecorded.actor} ${ranOn(unrecorded.action, action.resource)} at ${clock(unrecorded.ts)}, after the agent last read it at ${clock(seen.ts)} and before it acted; the audit record does not say what changed.`,
  };
}
