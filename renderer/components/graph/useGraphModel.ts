// The graph's elements for the current investigation: events worth drawing, grouped and positioned in shared/.
import { useMemo } from 'react';
import { buildGraph } from '../../../shared/graph/build';
import { referencedEventIds } from '../../../shared/graph/references';
import type { Graph } from '../../../shared/graph/types';
import { useAppState } from '../../hooks/useAppState';
import { useQuery } from '../../hooks/useQuery';
import { graphEvents } from '../../queries/events';

export function useGraphModel(): Graph | null {
  const analysis = useAppState((s) => s.analysis);
  const version = useAppState((s) => s.dataVersion);
  const expanded = useAppState((s) => s.expandedClusters);
  const { data: events } = useQuery((e) => graphEvents(e, [...referencedEventIds(analysis)]), [analysis, version]);
  return useMemo(() => (events ? buildGraph(events, analysis, { expanded }) : null), [events, analysis, expanded]);
}
