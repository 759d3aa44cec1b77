// The causal graph: Cytoscape with preset positions (time → x, actor lane → y), divergences in their own colour.
import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';
import { useAppState } from '../../hooks/useAppState';
import { useServices } from '../../state/context';
import { Panel } from '../Panel';
import { graphStyle } from './cyStyle';
import { GraphLegend } from './GraphLegend';
import { useGraphModel } from './useGraphModel';
import type { Graph } from '../../../shared/graph/types';
import { fitAll, fitToStory, onNodeTap, revealSelection, toElements } from './graphSync';
import { DotLayer, splitDots } from './dotLayer';

declare global {
  interface Window {
    /** The live Cytoscape instance, for end-to-end tests and the benchmark. */
    __driftlineCy?: cytoscape.Core;
    /** The routine dots drawn beside it, for the same. */
    __driftlineDots?: DotLayer;
  }
}

export function CausalGraph() {
  const services = useServices();
  // `box` carries the test ids and figures; Cytoscape draws into `canvas` inside it. Cytoscape watches its own
  // container's attributes and redraws everything (cy.resize()) on any change, so nothing may be written there.
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const cy = useRef<cytoscape.Core | null>(null);
  const dots = useRef<DotLayer | null>(null);
  /** The elements last drawn, so an unchanged model (a re-analysis that found the same story) is not redrawn. */
  const drawn = useRef('');
  const graph = useGraphModel();
  const selected = useAppState((s) => s.selectedEventId);
  const theme = useAppState((s) => s.theme);

  useEffect(() => {
    const instance = cytoscape({ container: canvas.current, style: graphStyle(), wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false });
    const layer = new DotLayer(instance, box.current!);
    instance.on('tap', 'node', (e) => onNodeTap(e.target.data(), services));
    // An edge selects the event it leads to, whose causal links the Inspector lists for a verdict.
    instance.on('tap', 'edge', (e) => onNodeTap((e.target as cytoscape.EdgeSingular).target().data(), services));
    // A tap on the background may be on a dot, drawn under Cytoscape.
    instance.on('tap', (e) => {
      const dot = e.target === instance ? layer.at(e.renderedPosition) : undefined;
      if (dot) onNodeTap(dot.data, services);
    });
    // A native tooltip names any node under the pointer, labelled or not, dots included.
    const title = (label: unknown) => (label === undefined ? box.current?.removeAttribute('title') : box.current?.setAttribute('title', String(label ?? '')));
    instance.on('mouseover', 'node', (e) => title(e.target.data('title') ?? e.target.data('label')));
    instance.on('mouseout', 'node', () => title(undefined));
    instance.on('mousemove', (e) => {
      if (e.target === instance) title(layer.at(e.renderedPosition)?.data.label);
    });
    cy.current = instance;
    dots.current = layer;
    window.__driftlineCy = instance;
    window.__driftlineDots = layer;
    const media = matchMedia('(prefers-color-scheme: dark)');
    const restyle = () => {
      instance.style(graphStyle());
      layer.restyle();
    };
    media.addEventListener('change', restyle);
    return () => {
      media.removeEventListener('change', restyle);
      layer.destroy();
      instance.destroy();
      drawn.current = '';
      if (window.__driftlineCy === instance) delete window.__driftlineCy;
      if (window.__driftlineDots === layer) delete window.__driftlineDots;
    };
  }, [services]);

  useEffect(() => {
    cy.current?.style(graphStyle());
    dots.current?.restyle();
  }, [theme]);

  useEffect(() => {
    const c = cy.current;
    const layer = dots.current;
    if (!c || !layer || !graph) return;
    const start = performance.now();
    const signature = graphSignature(graph);
    if (signature === drawn.current) return;
    drawn.current = signature;
    const { nodes, dots: routine } = splitDots(graph);
    // Positions come with the elements (computed in shared/graph), so no layout runs: even 'preset' walked
    // every node again (~170 ms at 4,000).
    c.batch(() => {
      c.elements().remove();
      c.add(toElements(graph, nodes));
    });
    layer.set(routine);
    fitToStory(c, layer);
    box.current?.setAttribute('data-node-count', String(graph.nodes.length));
    box.current?.setAttribute('data-dot-count', String(routine.length));
    // For the benchmark: elements added, positioned and fitted (the paint follows on the next frame), and the
    // time to the frame after Cytoscape's first draw of them (it draws in its own animation frame callback).
    box.current?.setAttribute('data-render-ms', String(Math.round(performance.now() - start)));
    requestAnimationFrame(() => requestAnimationFrame(() => box.current?.setAttribute('data-paint-ms', String(Math.round(performance.now() - start)))));
    revealSelection(c, services.store.get().selectedEventId, layer);
  }, [graph, services]);

  useEffect(() => {
    if (cy.current) revealSelection(cy.current, selected, dots.current ?? undefined);
  }, [selected]);

  return (
    <Panel title="Causal graph" testId="causal-graph" className="graph" tools={
        <>
          <span className="muted" style={{ fontWeight: 400 }}>time → (quiet gaps shortened) · one lane per actor</span>
          <span style={{ flex: 1 }} />
          <button type="button" className="btn small" data-testid="graph-fit-story" onClick={() => cy.current && fitToStory(cy.current, dots.current ?? undefined)}>Fit story</button>
          <button type="button" className="btn small" data-testid="graph-fit-all" onClick={() => cy.current && fitAll(cy.current, dots.current ?? undefined)}>Show all</button>
        </>
      }>
      <div ref={box} className="cy" role="img" aria-label="Causal graph of the incident: time left to right, one lane per actor" data-testid="cy">
        <div ref={canvas} style={{ position: 'absolute', inset: 0 }} />
      </div>
      <GraphLegend />
    </Panel>
  );
}

/** What the graph draws, cheaply: an unchanged model (a re-analysis that found the same story) is not redrawn. */
function graphSignature(g: Graph): string {
  const parts: string[] = [];
  for (const l of g.lanes) parts.push(`${l.key}@${l.y}:${l.label}`);
  for (const n of g.nodes) parts.push(`${n.data.id}@${n.position.x},${n.position.y}:${n.classes}:${n.data.eventId}×${n.data.count}:${n.data.label}`);
  for (const e of g.edges) parts.push(`${e.data.id}:${e.classes}:${e.data.label}`);
  return parts.join('\n');
}
