// The agent's write actions: tool calls with a write verb (with the audit write each caused), and
// audit writes by the agent's principals that no recorded tool call explains.
import type { ControlEvent } from '../queries/controlEvents';
import type { Action, Evidence } from './types';
import { evidenceOf, iso, uniqueEvidence, type AnalysisContext } from './context';
import { isAgent, type AgentIdentity } from './actors';
import { flattenJson, intentFacts, type Facts } from './facts';
import { isWrite } from './verbs';

export interface AgentAction {
  event: ControlEvent;
  /** The audit write this action caused, when the control plane recorded it. */
  audit: ControlEvent | undefined;
  actor: string;
  verb: string;
  resource: string;
  facts: Facts;
  evidence: Evidence[];
}

export function findAgentActions(ctx: AnalysisContext, id: AgentIdentity): AgentAction[] {
  const out: AgentAction[] = [];
  for (const e of ctx.events) {
    if (e.kind === 'tool_call' && isWrite(e.action) && isAgent(id, e.actor)) {
      const audit = id.auditOfCall.get(e.id);
      let facts = intentFacts(e.attrs.intent ?? e.attrs.facts);
      if (!facts.size && audit) facts = requestFacts(audit);
      const evidence = uniqueEvidence([evidenceOf(ctx, e), ...(audit ? [evidenceOf(ctx, audit)] : [])]);
      out.push({ event: e, audit, actor: e.actor, verb: e.action, resource: e.resource, facts, evidence });
    } else if (e.kind === 'audit' && isWrite(e.action) && id.principals.has(e.actor) && !id.callOfAudit.has(e.id) && !isStatusWrite(e)) {
      out.push({ event: e, audit: e, actor: e.actor, verb: e.action, resource: e.resource, facts: requestFacts(e), evidence: [evidenceOf(ctx, e)] });
    }
  }
  return out;
}

/** What a write asked for: the leaves of its request object (`{"spec":{"replicas":12}}` → spec.replicas=12). */
export function requestFacts(audit: ControlEvent): Facts {
  return flattenJson(audit.attrs.requestObject ?? null);
}

/** Controllers report status through a subresource; that is not a change anyone decided. */
export function isStatusWrite(e: ControlEvent): boolean {
  const ref = e.attrs.objectRef as { subresource?: string } | undefined;
  return ref?.subresource === 'status' || e.attrs.subresource === 'status';
}

export const describeFacts = (facts: Facts): string => [...facts].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} = ${v}`).join(', ');

export function toAction(a: AgentAction): Action {
  return {
    event_id: a.event.id,
    ts: iso(a.event.ts),
    actor: a.actor,
    tool: typeof a.event.attrs.tool === 'string' ? a.event.attrs.tool : a.event.kind === 'audit' ? a.verb : a.event.service || 'tool',
    verb: a.verb,
    resource: a.resource,
    intent: describeFacts(a.facts) || `${a.verb} ${a.resource}`,
    evidence: a.evidence,
  };
}
