// Between the graph model and the live Cytoscape instance: elements, taps, and following the shared selection.
import type cytoscape from 'cytoscape';
import type { Graph } from '../../../shared/graph/types';
import type { AppServices } from '../../state/context';

/** The model's nodes and edges plus one label per lane, left of the time axis. */
export function toElements(g: Graph): cytoscape.ElementDefinition[] {
  const labels = g.lanes.map((l) => ({ group: 'nodes' as const, data: { id: `lane:${l.key}`, label: l.label }, position: { x: -20, y: l.y }, classes: 'lane-label', selectable: false, grabbable: false }));
  return [...labels, ...(g.nodes as cytoscape.ElementDefinition[]), ...(g.edges as cytoscape.ElementDefinition[])];
}

export function onNodeTap(node: cytoscape.NodeSingular, { store }: AppServices): void {
  const data = node.data() as { id: string; nodeKind?: string; eventId?: number | null };
  if (!data.nodeKind) return;
  if (data.nodeKind === 'cluster') {
    // Expanding replaces the cluster by its members; the first member stays selected.
    store.set((s) => ({ expandedClusters: new Set([...s.expandedClusters, data.id]) }));
  }
  if (data.nodeKind === 'divergence') {
    store.set({ selectedDivergenceId: data.id.slice(2), selectedEventId: data.eventId ?? null });
    return;
  }
  if (data.eventId !== null && data.eventId !== undefined) store.set({ selectedEventId: data.eventId, selectedDivergenceId: null });
}

/** Selects the node standing for the event (itself or its cluster) and pans to it when off screen. */
export function revealSelection(cy: cytoscape.Core, eventId: number | null): void {
  cy.nodes(':selected').unselect();
  if (eventId === null) return;
  const node = cy.nodes().filter((n) => !n.hasClass('divergence') && ((n.data('members') as number[] | undefined) ?? []).includes(eventId)).first() as cytoscape.NodeSingular;
  if (!node.nonempty()) return;
  node.select();
  const ext = cy.extent();
  const p = node.position();
  if (p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2) cy.center(node);
}

/** First view: the divergences and the most probable path, readable; the rest is a zoom-out away. */
export function fitToStory(cy: cytoscape.Core): void {
  // Divergences and the path only: their neighbourhoods reach back to evidence read long before, which
  // would zoom the first view out until no label is readable.
  const story = cy.$('node.divergence').union(cy.$('edge.path').connectedNodes());
  cy.fit(story.nonempty() ? story : cy.elements(), 40);
}
