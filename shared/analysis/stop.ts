// How the agent was stopped: a person scaling its workload to zero, deleting it or revoking its binding,
// a person telling it to stop in its transcript, or (failing those) its run ending in error after the impact.
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

/** A person telling the agent to stop, in its own transcript. */
const STOP_WORDS = /\b(stop|halt|abort|cancel|revert|roll ?back|stand down|do not (?:make|change))\b/i;

export function findStop(ctx: AnalysisContext, id: AgentIdentity, after: bigint | null): Stop | undefined {
  const names = workloadNames(id);
  for (const e of ctx.events) {
    if (after !== null && e.ts < after) continue;
    if (e.kind === 'user_message' && STOP_WORDS.test(e.message)) {
      return { event: e, how: `told the agent "${e.message.slice(0, 80)}" in its transcript` };
    }
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
  // Nobody recorded a stop: the agent's run ending in error after the impact is the next best evidence.
  const ended = ctx.events.find((e) => e.kind === 'agent_run' && e.endTs !== null && (after === null || e.endTs >= after) && e.severity === 'error');
  if (ended) {
    const status = (ended.attrs.status as { message?: string } | undefined)?.message;
    return { event: { ...ended, ts: ended.endTs! }, how: `the agent's run ended in error${status ? ` (${status})` : ''}` };
  }
  return undefined;
}
