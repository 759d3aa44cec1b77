// What the agent saw: each tool result it received (and each read its principal made) turned into
// facts about resources, so a later action can be compared with the belief it rested on.
import type { ControlEvent } from '../queries/controlEvents';
import type { Belief, Evidence } from './types';
import { evidenceOf, iso, uniqueEvidence, type AnalysisContext } from './context';
import { isAgent, type AgentIdentity } from './actors';
import { factsFromText, flattenJson, type Facts } from './facts';
import { isRead, isWrite } from './verbs';
import { k8sKey, parseK8sKey } from '../model/resource';

export interface Observation {
  ts: bigint;
  resource: string;
  facts: Facts;
  event: ControlEvent;
  evidence: Evidence[];
}

export function findObservations(ctx: AnalysisContext, id: AgentIdentity): Observation[] {
  const calls = new Map<string, ControlEvent>();
  for (const e of ctx.events) if (e.kind === 'tool_call' && e.callId) calls.set(e.callId, e);
  const out: Observation[] = [];
  for (const e of ctx.events) {
    if (e.kind === 'tool_result' && isAgent(id, e.actor)) {
      const call = calls.get(e.callId);
      // The answer to a write ("deployment.apps/payments scaled") is not a reading of the resource.
      if (call && isWrite(call.action)) continue;
      const audit = call ? id.auditOfCall.get(call.id) : undefined;
      const evidence = uniqueEvidence([evidenceOf(ctx, e), ...(audit ? [evidenceOf(ctx, audit)] : [])]);
      const text = typeof e.attrs.result === 'string' ? e.attrs.result : e.message;
      out.push(...readingsOf(e, e.resource || call?.resource || '', text, evidence));
    } else if (e.kind === 'audit' && id.principals.has(e.actor) && isRead(e.action) && !id.callOfAudit.has(e.id) && e.resource) {
      out.push({ ts: e.ts, resource: e.resource, facts: flattenJson(e.attrs.responseObject ?? null), event: e, evidence: [evidenceOf(ctx, e)] });
    }
  }
  return out;
}

/** One tool output can describe several resources (a table of pods); each row is its own observation. */
function readingsOf(e: ControlEvent, resource: string, text: string, evidence: Evidence[]): Observation[] {
  const read = factsFromText(text);
  if (read.table) {
    const key = parseK8sKey(resource);
    const kind = key?.kind || 'pod';
    const rows: Observation[] = [];
    for (const [name, facts] of [...read.table].sort(([a], [b]) => a.localeCompare(b))) {
      rows.push({ ts: e.ts, resource: k8sKey(kind, name, key?.namespace ?? 'default'), facts, event: e, evidence });
    }
    if (resource && !rows.some((r) => r.resource === resource)) rows.push({ ts: e.ts, resource, facts: new Map(), event: e, evidence });
    return rows;
  }
  const facts = read.json ?? read.kv ?? new Map<string, string>();
  return resource ? [{ ts: e.ts, resource, facts, event: e, evidence }] : [];
}

/** Facts worth listing as beliefs: spec and status of objects, and anything non-Kubernetes. */
const SHOWN = /^(spec\.replicas|spec\.template\.spec\.containers\.[^.]+\.image|status\.(replicas|readyReplicas|availableReplicas))$|^(?!metadata\.|spec\.|status\.|kind$|apiVersion$)/;

export function toBeliefs(observations: Observation[]): Belief[] {
  const out: Belief[] = [];
  for (const o of observations) {
    for (const [fact, value] of o.facts) {
      if (!SHOWN.test(fact)) continue;
      out.push({ resource: o.resource, fact, value, observed_at: iso(o.ts), evidence: o.evidence });
    }
  }
  return out.sort((a, b) => a.observed_at.localeCompare(b.observed_at) || a.resource.localeCompare(b.resource) || a.fact.localeCompare(b.fact));
}
