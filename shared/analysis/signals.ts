// Divergences read from signals rather than recorded state changes:
//   environment_drift: the service behind the resource changed its volume materially between the
//     agent's reading and its action (e.g. ×20 throughput), with no write explaining it to the agent;
//   blind_spot: services that call the acted-on one (from traces) which the agent never observed.
import type { Db } from '../db/db';
import type { Divergence, Evidence } from './types';
import { evidenceOf, iso, clock, ranOn, round2, uniqueEvidence, type AnalysisContext } from './context';
import type { AgentAction } from './actions';
import { describeFacts } from './actions';
import type { Observation } from './observations';
import { lastObservation } from './staleContext';
import type { EntityIndex } from './entities';
import { MINUTE_NS, type ServiceSignals } from '../queries/serviceSignals';
import type { ServiceCall } from '../queries/serviceCalls';
import { getEventRefs } from '../queries/eventRefs';

/** Minutes compared on each side: long enough to smooth a burst, short enough to see a campaign start. */
const WINDOW_MIN = 2n;
const DRIFT_RATIO = 3;
const MIN_EVENTS = 5;

export interface SignalInputs {
  signals: ServiceSignals;
  calls: ServiceCall[];
  entities: EntityIndex;
}

export async function findSignalDivergences(db: Db, ctx: AnalysisContext, actions: AgentAction[], observations: Observation[], inp: SignalInputs): Promise<Omit<Divergence, 'id'>[]> {
  const out: Omit<Divergence, 'id'>[] = [];
  const cite = new Map<number, Evidence>();
  const wanted: number[] = [];
  const pending: Pending[] = [];
  for (const action of actions) {
    const service = inp.entities.serviceOf(action.resource);
    const actionPart = { event_id: action.event.id, ts: iso(action.event.ts), actor: action.actor, intent: describeFacts(action.facts) || `${action.verb} ${action.resource}`, evidence: action.evidence };
    const seen = lastObservation(observations, action);
    if (service && seen) {
      const before = windowBefore(inp.signals, service, seen.ts);
      const after = windowBefore(inp.signals, service, action.event.ts);
      const hi = Math.max(before.events, after.events);
      const ratio = before.events ? after.events / before.events : after.events ? Infinity : 1;
      if (hi >= MIN_EVENTS && (ratio >= DRIFT_RATIO || ratio <= 1 / DRIFT_RATIO)) {
        const per = (n: number) => (n / Number(WINDOW_MIN)).toFixed(1);
        const factor = Number.isFinite(ratio) ? (ratio >= 1 ? `×${ratio.toFixed(1)}` : `÷${(1 / ratio).toFixed(1)}`) : 'from none';
        pending.push({
          before: before.ids, after: after.ids,
          d: {
            kind: 'environment_drift', resource: action.resource, action: actionPart,
            believed: { fact: `throughput(${service}) per minute`, value: per(before.events), observed_at: iso(seen.ts), evidence: seen.evidence },
            actual: { fact: `throughput(${service}) per minute`, value: per(after.events), since: null, changed_by: null, evidence: [] },
            staleness_ms: Number((action.event.ts - seen.ts) / 1_000_000n),
            confidence: round2(Math.min(0.9, 0.5 + Math.log10(hi) / 5)),
            why: `${service} logged ${per(before.events)}/min around the agent's reading at ${clock(seen.ts)} and ${per(after.events)}/min (${factor}) just before it ${ranOn(action.verb, action.resource)} at ${clock(action.event.ts)}.`,
          },
        });
        wanted.push(...before.ids, ...after.ids);
      }
    }
    if (service) collectBlindSpots(action, actionPart, service, observations, inp, wanted, pending);
  }
  for (const [id, ref] of await getEventRefs(db, wanted)) cite.set(id, evidenceOf(ctx, ref));
  for (const p of pending) {
    if (p.d.kind === 'environment_drift') {
      p.d.believed.evidence = [...p.d.believed.evidence, ...p.before.map((i) => cite.get(i)!).filter(Boolean)];
      p.d.actual.evidence = uniqueEvidence(p.after.map((i) => cite.get(i)!).filter(Boolean));
    } else p.d.actual.evidence = uniqueEvidence([...p.before, ...p.after].map((i) => cite.get(i)!).filter(Boolean));
    out.push(p.d);
  }
  return out;
}

type Pending = { d: Omit<Divergence, 'id'>; before: number[]; after: number[] };

/** Pushes a blind_spot per calling service the agent never looked at; evidence ids are resolved by the caller. */
function collectBlindSpots(action: AgentAction, actionPart: Divergence['action'], service: string, observations: Observation[], inp: SignalInputs, wanted: number[], pending: Pending[]): void {
  for (const call of inp.calls.filter((c) => c.callee === service && c.caller !== service)) {
    const key = inp.entities.keyOfService(call.caller);
    const seen = observations.some((o) => o.ts <= action.event.ts && (inp.entities.resolve(o.resource) === key || o.resource === `svc:${call.caller}`));
    if (seen) continue;
    wanted.push(call.callerEventId, call.calleeEventId);
    pending.push({
      before: [call.callerEventId], after: [call.calleeEventId],
      d: {
        kind: 'blind_spot', resource: key, action: actionPart,
        believed: { fact: `depends_on(${service})`, value: null, observed_at: null, evidence: [] },
        actual: { fact: `depends_on(${service})`, value: `${call.caller} calls ${service}`, since: null, changed_by: null, evidence: [] },
        staleness_ms: null,
        confidence: call.bySpans ? 0.85 : 0.7,
        why: `${call.caller} calls ${service} (${call.traces} shared trace${call.traces === 1 ? '' : 's'}${call.bySpans ? '' : ', from log order'}), and ${action.actor} never observed ${call.caller} before it ${ranOn(action.verb, action.resource)} at ${clock(action.event.ts)}.`,
      },
    });
  }
}

/** Events and cited event ids of a service in the WINDOW_MIN whole minutes before the one holding `ts`. */
function windowBefore(signals: ServiceSignals, service: string, ts: bigint): { events: number; ids: number[] } {
  const m = ts / MINUTE_NS;
  const buckets = signals.get(service);
  let events = 0;
  const ids: number[] = [];
  for (let i = m - WINDOW_MIN; i < m; i++) {
    const b = buckets?.get(i);
    if (b) {
      events += b.events;
      ids.push(b.firstId);
    }
  }
  return { events, ids };
}
