// The graph's elements for the current investigation: events worth drawing, grouped and positioned in shared/.
import { useMemo } from 'react';
import { buildGraph } from '../../../shared/graph/build';
import { referencedEventIds } from '../../../shared/graph/references';
import type { Graph } from '../../../shared/graph/types';
import { useAppState } from '../../hooks/useAppState';
import { useQuery } from '../../hooks/useQuery';
import { graphEvents } from '../../queries/graph';

export function useGraphModel(): Graph | null {
  const analysis = useAppState((s) => s.analysis);
  const version = useAppState((s) => s.dataVersion);
  const expanded = useAppState((s) => s.expandedClusters);
  // While an analysis runs its result is about to replace `analysis`, and the engine would answer only after it:
  // a graph queried now would be drawn and at once replaced (at 1M events its grouping takes seconds of engine time).
  const analyzing = useAppState((s) => s.phase === 'analyzing');
  const { data: events } = useQuery(
    (e) => (analyzing ? Promise.resolve(undefined) : graphEvents(e, [...referencedEventIds(analysis)], { version })),
    [analysis, version, analyzing],
  );
  return useMemo(() => (events ? buildGraph(events, analysis, { expanded }) : null), [events, analysis, expanded]);
}
