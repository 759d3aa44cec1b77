// The causal chain as a graph: tool call → audit write → controller reaction → error onset → errors in
// callers → alert → human intervention → recovery, plus each divergence pointing at the action it
// misled. Edges are typed, cited and weighted; the most probable path is the best product of weights.
// The questions about errors are asked for all writes at once (see queries/errorWindows.ts).
import type { Db } from '../db/db';
import type { ChainEdge, ChainNode, Divergence, Evidence } from './types';
import type { ControlEvent } from '../queries/controlEvents';
import { getAlerts, getEventRefs, type EventRef } from '../queries/eventRefs';
import { getErrorIdsInWindows, getPropagatedErrorIds } from '../queries/errorWindows';
import { MINUTE_NS } from '../queries/serviceSignals';
import { clock, evidenceOf, iso, msBetween, short, type AnalysisContext } from './context';
import { isAgent, type AgentIdentity } from './actors';
import { describeFacts, requestFacts, type AgentAction } from './actions';
import type { SignalInputs } from './signals';
import { findStop } from './stop';
import { isWrite } from './verbs';
import { bestPath } from './bestPath';

const S = 1_000_000_000n;
export interface ChainResult {
  nodes: ChainNode[];
  edges: ChainEdge[];
  most_probable_path: string[];
  /** Internal landmarks the intervention section reads. */
  impact: EventRef | undefined;
  alert: EventRef | undefined;
  stop: ControlEvent | undefined;
}

/** One agent write and what the chain learned about it, filled in phase by phase. */
interface Step {
  action: AgentAction;
  causeNode: string;
  writeTs: bigint;
  service: string | undefined;
  errorsBefore: number;
  onsetFrom?: bigint;
  onsetId?: number;
  onset?: EventRef;
  restore?: ControlEvent;
}

export async function buildChain(db: Db, ctx: AnalysisContext, id: AgentIdentity, actions: AgentAction[], divergences: Divergence[], inp: SignalInputs): Promise<ChainResult> {
  const nodes = new Map<string, ChainNode>();
  const edges: ChainEdge[] = [];
  const node = (nid: string, n: Omit<ChainNode, 'id'>) => { if (!nodes.has(nid)) nodes.set(nid, { id: nid, ...n }); return nid; };
  const evNode = (e: { id: number; ts: bigint }, label: string, kind: string) => node(`ev:${e.id}`, { event_id: e.id, label, ts: iso(e.ts), kind });
  const edge = (from: string, to: string, kind: ChainEdge['kind'], confidence: number, why: string, evidence: Evidence[]) => edges.push({ from, to, kind, confidence, why, evidence });
  const cite = (e: { id: number; sourceId: number; line: number; pointer: string }) => evidenceOf(ctx, e);

  for (const d of divergences) {
    node(`div:${d.id}`, { event_id: null, label: `${d.kind} on ${d.resource}`, ts: d.action.ts, kind: 'divergence' });
    edge(`div:${d.id}`, `ev:${d.action.event_id}`, 'acted_on_stale', d.confidence, d.why, [...d.believed.evidence, ...d.actual.evidence].slice(0, 6));
  }
  // Phase 1, in memory: the write each action caused, the controllers' reaction, and whether the minute
  // buckets show an error change point after it.
  const steps: Step[] = actions.map((a) => writeStep(a));
  function writeStep(a: AgentAction): Step {
    const actNode = evNode(a.event, `${a.actor} ${a.verb} ${a.resource}${a.facts.size ? ` (${describeFacts(a.facts)})` : ''}`, a.event.kind);
    let writeNode = actNode;
    let writeTs = a.event.ts;
    if (a.audit && a.audit.id !== a.event.id) {
      writeNode = evNode(a.audit, `${a.audit.actor} ${a.audit.action} ${a.audit.resource}`, 'audit');
      writeTs = a.audit.ts;
      edge(actNode, writeNode, 'caused_write', 0.95, `The control plane recorded ${a.audit.action} on ${a.resource} by ${a.audit.actor} ${msBetween(a.event.ts, a.audit.ts)} ms after the tool call.`, [cite(a.event), cite(a.audit)]);
    }
    const entity = inp.entities.resolve(a.resource);
    const reactions = ctx.events.filter((e) => e.kind === 'audit' && isWrite(e.action) && e.ts >= writeTs && e.ts < writeTs + 60n * S && e.actor.startsWith('system:')
      && !isAgent(id, e.actor) && e.resource !== a.resource && inp.entities.resolve(e.resource) === entity);
    let causeNode = writeNode;
    if (reactions.length) {
      const r0 = reactions[0];
      causeNode = evNode(r0, `${r0.actor.split(':').pop()} ${r0.action} ${reactions.length} ${r0.resource.split('/')[1] ?? 'object'}${reactions.length === 1 ? '' : 's'}`, 'controller');
      edge(writeNode, causeNode, 'controller_reaction', 0.9, `${r0.actor} ${r0.action} ${reactions.length} object(s) of ${entity} within ${Math.ceil(msBetween(writeTs, reactions[reactions.length - 1].ts) / 1000)} s of the write.`, reactions.slice(0, 5).map(cite));
    }
    const service = inp.entities.serviceOf(a.resource);
    const step: Step = { action: a, causeNode, writeTs, service, errorsBefore: 0 };
    const buckets = service ? inp.signals.get(service) : undefined;
    if (!buckets) return step;
    const minute = writeTs / MINUTE_NS;
    for (let m = minute - 5n; m < minute; m++) step.errorsBefore += buckets.get(m)?.errors ?? 0;
    // A change point, not the first error ever: the first minute after the write whose errors reach five
    // times the per-minute rate of the 5 minutes before (and at least 3), so background errors do not hide it.
    const threshold = Math.max(3, step.errorsBefore);
    for (let m = minute; m <= minute + 10n; m++) {
      if ((buckets.get(m)?.errors ?? 0) >= threshold) {
        step.onsetFrom = m * MINUTE_NS > writeTs ? m * MINUTE_NS : writeTs;
        break;
      }
    }
    // The person who repaired the resource: the first non-agent write on it within the hour after.
    step.restore = ctx.events.find((e) => e.kind === 'audit' && isWrite(e.action) && e.resource === a.resource && e.ts > writeTs && e.ts < writeTs + 3600n * S && !isAgent(id, e.actor) && !e.actor.startsWith('system:'));
    return step;
  }

  // Phase 2, one query: the exact onset events.
  const withOnset = steps.filter((s) => s.onsetFrom !== undefined && s.service);
  const onsetIds = await getErrorIdsInWindows(db, withOnset.map((s) => ({ service: s.service!, from: s.onsetFrom!, to: s.onsetFrom! + 60n * S })), 'first');
  withOnset.forEach((s, i) => { s.onsetId = onsetIds[i]; });
  // Phase 3, one query each: propagation to callers, the last error after each repair, and the alerts.
  const onsets = withOnset.filter((s) => s.onsetId !== undefined);
  const props = onsets.flatMap((s) => inp.calls.filter((c) => c.callee === s.service).map((c) => ({ step: s, call: c })));
  const propIds = await getPropagatedErrorIds(db, props.map((p) => ({ caller: p.call.caller, callee: p.step.service!, from: p.step.onsetFrom!, to: p.step.onsetFrom! + 30n * 60n * S })));
  const repaired = onsets.filter((s) => s.restore);
  const lastIds = await getErrorIdsInWindows(db, repaired.map((s) => ({ service: s.service!, from: s.restore!.ts - 60n * S, to: s.restore!.ts + 30n * 60n * S })), 'last');
  const refs = await getEventRefs(db, [...onsets.map((s) => s.onsetId!), ...propIds.filter((x): x is number => x !== undefined), ...lastIds.filter((x): x is number => x !== undefined)]);
  const alerts = onsets.length ? await getAlerts(db, 0n) : [];

  // Phase 4: the graph, in action order.
  let firstImpact: EventRef | undefined;
  let firstAlert: EventRef | undefined;
  const impacts: string[] = [];
  for (const s of onsets) {
    const service = s.service!;
    const onset = refs.get(s.onsetId!)!;
    s.onset = onset;
    let burst = 0;
    for (let m = onset.ts / MINUTE_NS; m < onset.ts / MINUTE_NS + 10n; m++) burst += inp.signals.get(service)?.get(m)?.errors ?? 0;
    const onsetNode = evNode(onset, `${service}: ${short(onset.message)} (×${burst})`, 'error');
    edge(s.causeNode, onsetNode, 'error_onset', 0.85, `${service} errors began ${Math.round(msBetween(s.writeTs, onset.ts) / 1000)} s after the write (${s.errorsBefore} in the 5 minutes before, ${burst} in the 10 minutes from the onset).`, [cite(onset)]);
    if (!firstImpact || onset.ts < firstImpact.ts) firstImpact = onset;
    impacts.push(onsetNode);
    props.forEach((p, i) => {
      const prop = p.step === s && propIds[i] !== undefined ? refs.get(propIds[i]!) : undefined;
      if (!prop) return;
      const pNode = evNode(prop, `${p.call.caller}: ${short(prop.message)}`, 'error');
      edge(onsetNode, pNode, 'propagated', p.call.bySpans ? 0.9 : 0.8, `${p.call.caller} calls ${service}; its first error after the onset shares trace ${prop.traceId.slice(0, 8)}… with a ${service} error.`, [cite(prop)]);
      impacts.push(pNode);
    });
    let lastImpactNode = onsetNode;
    const near = alerts.filter((x) => x.ts >= onset.ts && x.ts < onset.ts + 30n * 60n * S);
    const alert = near.find((x) => x.message.includes(service)) ?? near[0];
    if (alert) {
      const matched = alert.message.includes(service);
      const aNode = evNode(alert, `alert: ${short(alert.message)}`, 'alert');
      edge(onsetNode, aNode, 'alerted', matched ? 0.9 : 0.5, `${matched ? `The alert names ${service}` : 'The first alert after the onset'}, fired ${Math.round(msBetween(onset.ts, alert.ts) / 1000)} s after the first error.`, [cite(alert)]);
      if (!firstAlert || alert.ts < firstAlert.ts) firstAlert = alert;
      lastImpactNode = aNode;
    }
    const restore = s.restore;
    if (!restore) continue;
    const facts = requestFacts(restore);
    const rNode = evNode(restore, `${restore.actor} ${restore.action} ${restore.resource}${facts.size ? ` (${describeFacts(facts)})` : ''}`, 'intervention');
    edge(lastImpactNode, rNode, 'intervened', 0.8, `${restore.actor} changed ${s.action.resource} back at ${clock(restore.ts)}, after the impact began.`, [cite(restore)]);
    const lastId = lastIds[repaired.indexOf(s)];
    const last = lastId === undefined ? undefined : refs.get(lastId);
    if (last && last.ts >= restore.ts) {
      const recNode = evNode(last, `${service}: last error, then recovery`, 'recovery');
      edge(rNode, recNode, 'recovered', 0.75, `${service} logged its last error ${Math.round(msBetween(restore.ts, last.ts) / 1000)} s after the repair and none in the 30 minutes after the repair.`, [cite(last)]);
    }
  }
  const stop = findStop(ctx, id, firstImpact?.ts ?? null);
  if (stop) {
    const sNode = evNode(stop.event, `${stop.event.actor} stops the agent: ${stop.how}`, 'intervention');
    const from = firstAlert ? `ev:${firstAlert.id}` : firstImpact ? `ev:${firstImpact.id}` : undefined;
    if (from) edge(from, sNode, 'intervened', 0.8, `${stop.event.actor} stopped the agent at ${clock(stop.event.ts)}: ${stop.how}.`, [cite(stop.event)]);
  }
  const sortedNodes = [...nodes.values()].sort((x, y) => x.ts.localeCompare(y.ts) || x.id.localeCompare(y.id));
  const sortedEdges = edges.sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to) || x.kind.localeCompare(y.kind));
  const start = divergences.find((d) => d.kind === 'stale_context') ?? divergences[0];
  const customerVisible = impacts.filter((n) => sortedEdges.some((e) => e.to === n && e.kind === 'propagated'));
  const path = start ? bestPath(sortedEdges, `div:${start.id}`, new Set(customerVisible.length ? customerVisible : impacts)) : [];
  return { nodes: sortedNodes, edges: sortedEdges, most_probable_path: path, impact: firstImpact, alert: firstAlert, stop: stop?.event };
}
