// Classification in the context-boundary taxonomy (filled in below).
import type { Db } from '../db/db';
import type { Classification, Divergence, Intervention } from './types';
import type { AnalysisContext } from './context';
import type { AgentIdentity } from './actors';
import type { AgentAction } from './actions';

export async function classify(_db: Db, _ctx: AnalysisContext, _id: AgentIdentity, _actions: AgentAction[], divs: Divergence[], _iv: Intervention): Promise<Classification[]> {
  const stale = divs.filter((d) => d.kind === 'stale_context');
  return stale.length ? [{ class: 'stale_context', confidence: Math.max(...stale.map((d) => d.confidence)), rationale: stale[0].why }] : [];
}
