// The most probable path through the chain: the highest product of edge confidences from a start
// node to any target. The chain is a DAG (edges go forward in time), so memoised search suffices.
import type { ChainEdge } from './types';

export function bestPath(edges: readonly ChainEdge[], start: string, targets: Set<string>): string[] {
  const out = new Map<string, ChainEdge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const memo = new Map<string, { p: number; path: string[] } | null>();
  const visit = (n: string, onStack: Set<string>): { p: number; path: string[] } | null => {
    if (memo.has(n)) return memo.get(n)!;
    if (onStack.has(n)) return null;
    onStack.add(n);
    let best: { p: number; path: string[] } | null = targets.has(n) ? { p: 1, path: [n] } : null;
    for (const e of out.get(n) ?? []) {
      const r = visit(e.to, onStack);
      // Ties go to the longer explanation (reaching the customer-visible end through every step).
      if (r && (!best || r.p * e.confidence > best.p || (r.p * e.confidence === best.p && r.path.length + 1 > best.path.length))) best = { p: r.p * e.confidence, path: [n, ...r.path] };
    }
    onStack.delete(n);
    memo.set(n, best);
    return best;
  };
  return visit(start, new Set())?.path ?? [];
}
