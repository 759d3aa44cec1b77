// Divergences read from signals rather than state changes: environment_drift and blind_spot (filled in below).
import type { Db } from '../db/db';
import type { Divergence } from './types';
import type { AnalysisContext } from './context';
import type { AgentAction } from './actions';
import type { Observation } from './observations';

export async function findSignalDivergences(_db: Db, _ctx: AnalysisContext, _actions: AgentAction[], _obs: Observation[]): Promise<Omit<Divergence, 'id'>[]> {
  return [];
}
