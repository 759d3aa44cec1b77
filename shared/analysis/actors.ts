// Who is who: the agent by name (transcripts) and by principal (its tool calls matched to audit records),
// humans and controllers from the audit trail. Every attribution carries its reason and evidence.
import type { ControlEvent } from '../queries/controlEvents';
import type { Actor } from './types';
import { evidenceOf, uniqueEvidence, type AnalysisContext } from './context';
import { verbsMatch } from './verbs';

/** A tool call's audit record arrives within this window after the call starts (clock skew allowed before). */
export const MATCH_WINDOW_NS = 30_000_000_000n;
const SKEW_NS = 2_000_000_000n;

export interface AgentIdentity {
  names: Set<string>;
  principals: Set<string>;
  /** Tool call event id → the audit record it caused. */
  auditOfCall: Map<number, ControlEvent>;
  /** Audit event id → the tool call that caused it. */
  callOfAudit: Map<number, ControlEvent>;
  actors: Actor[];
}

export function identifyActors(ctx: AnalysisContext): AgentIdentity {
  const calls = ctx.events.filter((e) => e.kind === 'tool_call' && e.resource);
  const audits = ctx.events.filter((e) => e.kind === 'audit' && e.resource);
  const auditOfCall = new Map<number, ControlEvent>();
  const callOfAudit = new Map<number, ControlEvent>();
  const byResource = new Map<string, ControlEvent[]>();
  for (const a of audits) byResource.set(a.resource, [...(byResource.get(a.resource) ?? []), a]);
  for (const call of calls) {
    let best: ControlEvent | undefined;
    for (const a of byResource.get(call.resource) ?? []) {
      if (callOfAudit.has(a.id) || !sameIntent(call, a)) continue;
      const dt = a.ts - call.ts;
      if (dt < -SKEW_NS || dt > MATCH_WINDOW_NS) continue;
      if (!best || abs(dt) < abs(best.ts - call.ts)) best = a;
    }
    if (best) {
      auditOfCall.set(call.id, best);
      callOfAudit.set(best.id, call);
    }
  }

  const names = new Set(ctx.events.filter((e) => e.actorType === 'agent' && e.actor && (e.kind === 'agent_run' || e.kind === 'tool_call')).map((e) => e.actor));
  const principalMatches = new Map<string, ControlEvent[]>();
  const callById = new Map(calls.map((c) => [c.id, c]));
  for (const [callId, audit] of auditOfCall) {
    const call = callById.get(callId)!;
    principalMatches.set(audit.actor, [...(principalMatches.get(audit.actor) ?? []), call, audit]);
  }
  const actors: Actor[] = [];
  for (const name of [...names].sort()) {
    const first = ctx.events.find((e) => e.actor === name && (e.kind === 'agent_run' || e.kind === 'tool_call'))!;
    actors.push({ name, type: 'agent', why: `named as the agent in its transcript (${first.kind})`, evidence: [evidenceOf(ctx, first)] });
  }
  const principals = new Set<string>();
  for (const [principal, evs] of [...principalMatches].sort(([a], [b]) => a.localeCompare(b))) {
    principals.add(principal);
    const n = evs.length / 2;
    actors.push({
      name: principal, type: 'agent',
      why: `${n} of the agent's tool call${n === 1 ? '' : 's'} match${n === 1 ? 'es' : ''} this principal's audit records (same verb and resource within ${Number(MATCH_WINDOW_NS / 1_000_000_000n)} s)`,
      evidence: uniqueEvidence(evs.slice(0, 6).map((e) => evidenceOf(ctx, e))),
    });
  }
  // A principal carrying the agent's name is the agent's too, even where no tool call was recorded.
  const others = new Map<string, ControlEvent>();
  for (const a of audits.concat(ctx.events.filter((e) => e.kind === 'audit' && !e.resource))) if (!others.has(a.actor)) others.set(a.actor, a);
  for (const [principal, first] of [...others].sort(([a], [b]) => a.localeCompare(b))) {
    if (principals.has(principal) || !principal) continue;
    const named = [...names].find((n) => principal.split(/[:/@]/).includes(n));
    if (named) {
      principals.add(principal);
      actors.push({ name: principal, type: 'agent', why: `principal name contains the agent's name "${named}"`, evidence: [evidenceOf(ctx, first)] });
      continue;
    }
    const system = principal.startsWith('system:');
    actors.push({
      name: principal,
      type: system ? 'system' : first.actorType === 'agent' ? 'agent' : 'human',
      why: system ? 'a system: principal (controller or service account) with no matching agent tool call' : 'a user principal with no matching agent tool call',
      evidence: [evidenceOf(ctx, first)],
    });
  }
  return { names, principals, auditOfCall, callOfAudit, actors };
}

/** The audit record may be this tool call's trace: same resource, and a verb the call's verb shows up as. */
export const sameIntent = (call: ControlEvent, audit: ControlEvent): boolean =>
  call.resource !== '' && call.resource === audit.resource && verbsMatch(call.action, audit.action);

const abs = (n: bigint) => (n < 0n ? -n : n);

/** True when the event was done by the agent, under its own name or one of its principals. */
export const isAgent = (id: AgentIdentity, actor: string): boolean => id.names.has(actor) || id.principals.has(actor);
