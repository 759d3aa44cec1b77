// How the agent was stopped: a person scaling its workload to zero or deleting it, or the agent's run
// ending in error after the impact (its process killed).
import type { ControlEvent } from '../queries/controlEvents';
import { parseK8sKey } from '../model/resource';
import { describeFacts, requestFacts } from './actions';
import { isAgent, type AgentIdentity } from './actors';
import type { AnalysisContext } from './context';
import { isWrite } from './verbs';

export interface Stop { event: ControlEvent; how: string }

/** Names the agent runs under as a workload: its own names and service-account names. */
function workloadNames(id: AgentIdentity): Set<string> {
  const names = new Set(id.names);
  for (const p of id.principals) {
    const m = /^system:serviceaccount:[^:]+:(.+)$/.exec(p);
    if (m) names.add(m[1]);
  }
  return names;
}

export function findStop(ctx: AnalysisContext, id: AgentIdentity, after: bigint | null): Stop | undefined {
  const names = workloadNames(id);
  for (const e of ctx.events) {
    if (after !== null && e.ts < after) continue;
    if (e.kind !== 'audit' || !isWrite(e.action) || isAgent(id, e.actor) || e.actor.startsWith('system:')) continue;
    const key = parseK8sKey(e.resource);
    if (!key || !names.has(key.name) || !['deployment', 'statefulset', 'pod', 'serviceaccount', 'rolebinding', 'clusterrolebinding', 'job'].includes(key.kind)) continue;
    const facts = requestFacts(e);
    const zero = facts.get('spec.replicas') === '0';
    if (e.action === 'delete' || zero || key.kind.endsWith('binding') || key.kind === 'serviceaccount') {
      const how = zero ? `scaled ${e.resource} to 0` : e.action === 'delete' ? `deleted ${e.resource}` : `${e.action} ${e.resource} (${describeFacts(facts) || 'credentials'})`;
      return { event: e, how };
    }
  }
  return undefined;
}
