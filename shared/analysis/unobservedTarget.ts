// unobserved_target: the agent changed a resource it had never read.
import type { Divergence } from './types';
import type { AgentAction } from './actions';
import { describeFacts } from './actions';
import { clock, iso, ranOn } from './context';

export function unobservedTarget(action: AgentAction): Omit<Divergence, 'id'> {
  const fact = [...action.facts.keys()][0] ?? '';
  return {
    kind: 'unobserved_target',
    resource: action.resource,
    action: { event_id: action.event.id, ts: iso(action.event.ts), actor: action.actor, intent: describeFacts(action.facts) || `${action.verb} ${action.resource}`, evidence: action.evidence },
    believed: { fact, value: null, observed_at: null, evidence: [] },
    actual: { fact, value: null, since: null, changed_by: null, evidence: [] },
    staleness_ms: null,
    confidence: 0.9,
    why: `${action.actor} ${ranOn(action.verb, action.resource)} at ${clock(action.event.ts)} without having read it at any point before.`,
  };
}
