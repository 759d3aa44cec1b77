// Intervention and counterfactual (filled in below).
import type { Db } from '../db/db';
import type { AnalysisV1, Divergence, Intervention } from './types';
import type { AnalysisContext } from './context';
import type { AgentIdentity } from './actors';
import type { AgentAction } from './actions';

export async function findIntervention(_db: Db, _ctx: AnalysisContext, _id: AgentIdentity, _actions: AgentAction[], divs: Divergence[], _chain: AnalysisV1['chain']): Promise<Intervention> {
  return { first_divergence: divs[0]?.action.ts ?? null, first_impact: null, first_alert: null, stopped_at: null, stopped_by: null, how: null, kept_acting_ms: null, actions_after_first_impact: 0 };
}
