// Stable ids for things an annotation can point at, shared by the renderer, the file and exports.
import type { ChainEdge } from '../analysis/types';

/**
 * A causal link is named by its two chain node ids: chain edges have no id of their own, and the
 * node ids are stable across re-analysis of the same evidence.
 */
export const linkId = (edge: Pick<ChainEdge, 'from' | 'to'>): string => `${edge.from}->${edge.to}`;

/** Manual events live in `events` under this virtual source id: no file recorded them. */
export const MANUAL_SOURCE_ID = 0;
export const MANUAL_SOURCE_PATH = '(manual)';
