// The causal chain (filled in below).
import type { Db } from '../db/db';
import type { AnalysisV1, Divergence } from './types';
import type { AnalysisContext } from './context';
import type { AgentIdentity } from './actors';
import type { AgentAction } from './actions';

export async function buildChain(_db: Db, _ctx: AnalysisContext, _id: AgentIdentity, _actions: AgentAction[], _divs: Divergence[]): Promise<AnalysisV1['chain']> {
  return { nodes: [], edges: [], most_probable_path: [] };
}
