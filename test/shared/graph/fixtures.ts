// Small hand-made event rows for the graph builder tests.
import type { GraphEvent } from '../../../shared/graph/types';

const T0 = 1_795_000_000_000_000_000n;
export const sec = (s: number) => T0 + BigInt(Math.round(s * 1e9));

export function ev(id: number, s: number, partial: Partial<GraphEvent> = {}): GraphEvent {
  return { id, ts: sec(s), actor: 'payments', actorType: 'system', kind: 'log', service: 'payments', resource: '', action: '', severity: 'info', message: `m${id}`, callId: '', ...partial };
}
