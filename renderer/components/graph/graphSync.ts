// Between the graph model and the live Cytoscape instance: elements, taps, and following the shared selection.
import type cytoscape from 'cytoscape';
import type { Graph, GraphNode } from '../../../shared/graph/types';
import type { AppServices } from '../../state/context';
import type { Box, DotLayer } from './dotLayer';
import { canvasMeasure, fitLabel, labelFont, type Measure } from './labels';

/**
 * The model's edges and nodes (all of them unless given) plus one label per lane, left of the time axis.
 * Labels are cut to the label width here (the whole text stays in `title`, for the tooltip).
 */
export function toElements(g: Graph, nodes: GraphNode[] = g.nodes, measure: Measure = canvasMeasure): cytoscape.ElementDefinition[] {
  const labels = g.lanes.map((l) => ({ group: 'nodes' as const, data: { id: `lane:${l.key}`, label: l.label }, position: { x: -20, y: l.y }, classes: 'lane-label', selectable: false, grabbable: false }));
  return [...[...labels, ...nodes].map((n) => withFittedLabel(n, measure)), ...(g.edges as cytoscape.ElementDefinition[])];
}

/** A node element whose label fits the label width. */
export function withFittedLabel<T extends { data: { label: string }; classes: string }>(n: T, measure: Measure = canvasMeasure): T {
  const label = fitLabel(n.data.label, labelFont(n.classes), measure);
  return label === n.data.label ? n : { ...n, data: { ...n.data, label, title: n.data.label } };
}

/** A tap on a node (in Cytoscape or on the dot layer): select its event, expand a cluster, open a divergence. */
export function onNodeTap(data: { id: string; nodeKind?: string; eventId?: number | null }, { store }: AppServices): void {
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

/** Selects the node standing for the event (itself, its cluster, or its dot) and pans to it when off screen. */
export function revealSelection(cy: cytoscape.Core, eventId: number | null, dots?: DotLayer): void {
  cy.nodes(':selected').unselect();
  dots?.unpromote();
  if (eventId === null) return;
  let node = cy.nodes().filter((n) => !n.hasClass('divergence') && ((n.data('members') as number[] | undefined) ?? []).includes(eventId)).first() as cytoscape.NodeSingular;
  if (node.empty()) {
    const dot = dots?.find(eventId);
    if (!dot) return;
    node = dots!.promote(dot);
  }
  node.select();
  const ext = cy.extent();
  const p = node.position();
  if (p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2) cy.center(node);
}

/** First view: the divergences and the most probable path, readable; the rest is a zoom-out away. */
export function fitToStory(cy: cytoscape.Core, dots?: DotLayer): void {
  // Divergences and the path only: their neighbourhoods reach back to evidence read long before, which
  // would zoom the first view out until no label is readable.
  const story = cy.$('node.divergence').union(cy.$('edge.path').connectedNodes());
  if (story.nonempty()) cy.fit(story, 40);
  else fitAll(cy, dots, 40);
}

/** Everything in view: Cytoscape's elements and the dots beside them. */
export function fitAll(cy: cytoscape.Core, dots?: DotLayer, padding = 30): void {
  const boxes: Box[] = [];
  if (cy.elements().nonempty()) boxes.push(cy.elements().boundingBox());
  const d = dots?.bounds();
  if (d) boxes.push(d);
  if (!boxes.length) return;
  cy.viewport(fitViewport(union(boxes), { width: cy.width(), height: cy.height() }, padding, { min: cy.minZoom(), max: cy.maxZoom() }));
}

function union(boxes: Box[]): Box {
  return {
    x1: Math.min(...boxes.map((b) => b.x1)),
    y1: Math.min(...boxes.map((b) => b.y1)),
    x2: Math.max(...boxes.map((b) => b.x2)),
    y2: Math.max(...boxes.map((b) => b.y2)),
  };
}

/** The zoom and pan that centre a model box in a view, as cy.fit does for its own elements. */
export function fitViewport(b: Box, view: { width: number; height: number }, padding: number, zoom: { min: number; max: number }): { zoom: number; pan: { x: number; y: number } } {
  const w = Math.max(b.x2 - b.x1, 1);
  const h = Math.max(b.y2 - b.y1, 1);
  const z = Math.min(Math.max(Math.min((view.width - 2 * padding) / w, (view.height - 2 * padding) / h), zoom.min), zoom.max);
  return { zoom: z, pan: { x: (view.width - z * (b.x1 + b.x2)) / 2, y: (view.height - z * (b.y1 + b.y2)) / 2 } };
}
