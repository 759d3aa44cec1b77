// The one analysis entry point, used by the app's worker and by `driftline analyze`:
// correlate actors → actions and beliefs → divergences → chain → classification → intervention.
// Deterministic: everything is sorted and no wall clock is read, so the same input gives the same JSON.
import type { Db } from '../db/db';
import { getControlEvents } from '../queries/controlEvents';
import { getSources } from '../queries/sources';
import { getServiceSignals } from '../queries/serviceSignals';
import { getServiceCalls } from '../queries/serviceCalls';
import { ANALYSIS_SCHEMA, type AnalysisV1, type Divergence } from './types';
import type { AnalysisContext } from './context';
import { identifyActors } from './actors';
import { findAgentActions, toAction } from './actions';
import { findObservations, toBeliefs } from './observations';
import { lastObservation, staleContext } from './staleContext';
import { unobservedTarget } from './unobservedTarget';
import { findContradictions } from './contradicted';
import { summariseSources } from './sources';
import { EntityIndex, workloadsOf } from './entities';
import { findSignalDivergences, type SignalInputs } from './signals';
import { buildChain } from './chain';
import { classify } from './classify';
import { findIntervention } from './intervention';
import { detectClockSkew } from './clockSkew';
import { getSourcePlacements } from '../queries/sourceTiming';
import { describePlacement } from './placement';

export const GENERATOR = 'driftline 0.1.0';

export interface AnalyzeOptions {
  /** Recorded in `generator`; the app and CLI pass their version. */
  generator?: string;
}

export async function analyze(db: Db, opts: AnalyzeOptions = {}): Promise<AnalysisV1> {
  const sourceRows = await getSources(db);
  const ctx: AnalysisContext = { events: await getControlEvents(db), sources: new Map(sourceRows.map((s) => [s.id, s])) };
  const signals = await getServiceSignals(db);
  const inputs: SignalInputs = {
    signals,
    calls: await getServiceCalls(db),
    entities: new EntityIndex(ctx.events.map((e) => e.resource), signals.keys(), workloadsOf(ctx)),
  };
  const identity = identifyActors(ctx);
  const actions = findAgentActions(ctx, identity);
  const observations = findObservations(ctx, identity);

  const found: Omit<Divergence, 'id'>[] = [];
  for (const action of actions) {
    const seen = lastObservation(observations, action);
    if (!seen) {
      found.push(unobservedTarget(action));
      continue;
    }
    const stale = staleContext(ctx, identity, action, seen);
    if (stale) found.push(stale);
  }
  found.push(...findContradictions(ctx, identity, actions, observations));
  found.push(...(await findSignalDivergences(db, ctx, actions, observations, inputs)));
  const divergences = found
    .sort((a, b) => a.action.ts.localeCompare(b.action.ts) || a.action.event_id - b.action.event_id || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.resource.localeCompare(b.resource))
    .map((d, i): Divergence => ({
      // Built field by field: the key order is part of the published JSON.
      id: `d${i + 1}`, kind: d.kind, resource: d.resource, action: d.action, believed: d.believed, actual: d.actual,
      staleness_ms: d.staleness_ms, confidence: d.confidence, why: d.why,
    }));

  const chain = await buildChain(db, ctx, identity, actions, divergences, inputs);
  const intervention = findIntervention(actions, divergences, chain);
  const clockSkew = await detectClockSkew(db, ctx);
  const placements = new Map((await getSourcePlacements(db)).map((p) => [p.sourceId, p]));
  return {
    schema: ANALYSIS_SCHEMA,
    generator: opts.generator ?? GENERATOR,
    sources: summariseSources(sourceRows).map((s, i) => {
      const p = describePlacement(placements.get(sourceRows[i].id), sourceRows[i].clockOffsetNs);
      return p.basis === 'file' ? s : { ...s, anchoring: { basis: p.basis, note: p.note } };
    }),
    entities: inputs.entities.entities(),
    actors: identity.actors,
    actions: actions.map(toAction),
    beliefs: toBeliefs(observations),
    divergences,
    chain: { nodes: chain.nodes, edges: chain.edges, most_probable_path: chain.most_probable_path },
    classification: classify(ctx, actions, divergences, intervention),
    intervention,
    // Only when found: the key's absence keeps earlier v1 outputs byte-identical.
    ...(clockSkew.length ? { clock_skew: clockSkew } : {}),
  };
}

const KIND_ORDER = ['stale_context', 'unobserved_target', 'contradicted', 'environment_drift', 'blind_spot'];
