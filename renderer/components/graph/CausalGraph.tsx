// The causal graph: Cytoscape with preset positions (time → x, actor lane → y), divergences in their own colour.
import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';
import { useAppState } from '../../hooks/useAppState';
import { useServices } from '../../state/context';
import { Panel } from '../Panel';
import { graphStyle } from './cyStyle';
import { GraphLegend } from './GraphLegend';
import { useGraphModel } from './useGraphModel';
import { fitToStory, onNodeTap, revealSelection, toElements } from './graphSync';

declare global {
  interface Window {
    /** The live Cytoscape instance, for end-to-end tests and the benchmark. */
    __driftlineCy?: cytoscape.Core;
  }
}

export function CausalGraph() {
  const services = useServices();
  // `box` carries the test ids and figures; Cytoscape draws into `canvas` inside it. Cytoscape watches its own
  // container's attributes and redraws everything (cy.resize()) on any change, so nothing may be written there.
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const cy = useRef<cytoscape.Core | null>(null);
  /** The elements last drawn, so an unchanged model (a re-analysis that found the same story) is not redrawn. */
  const drawn = useRef('');
  const graph = useGraphModel();
  const selected = useAppState((s) => s.selectedEventId);
  const theme = useAppState((s) => s.theme);

  useEffect(() => {
    const instance = cytoscape({ container: canvas.current, style: graphStyle(), wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false });
    instance.on('tap', 'node', (e) => onNodeTap(e.target, services));
    // An edge selects the event it leads to, whose causal links the Inspector lists for a verdict.
    instance.on('tap', 'edge', (e) => onNodeTap((e.target as cytoscape.EdgeSingular).target(), services));
    // A native tooltip names any node under the pointer, labelled or not.
    instance.on('mouseover', 'node', (e) => box.current?.setAttribute('title', String(e.target.data('label') ?? '')));
    instance.on('mouseout', 'node', () => box.current?.removeAttribute('title'));
    cy.current = instance;
    window.__driftlineCy = instance;
    const media = matchMedia('(prefers-color-scheme: dark)');
    const restyle = () => instance.style(graphStyle());
    media.addEventListener('change', restyle);
    return () => {
      media.removeEventListener('change', restyle);
      instance.destroy();
      drawn.current = '';
      if (window.__driftlineCy === instance) delete window.__driftlineCy;
    };
  }, [services]);

  useEffect(() => {
    cy.current?.style(graphStyle());
  }, [theme]);

  useEffect(() => {
    const c = cy.current;
    if (!c || !graph) return;
    const start = performance.now();
    const elements = toElements(graph);
    const signature = JSON.stringify(elements);
    if (signature === drawn.current) return;
    drawn.current = signature;
    // Positions come with the elements (computed in shared/graph), so no layout runs: even 'preset' walked
    // every node again (~170 ms at 4,000).
    c.batch(() => {
      c.elements().remove();
      c.add(elements);
    });
    fitToStory(c);
    box.current?.setAttribute('data-node-count', String(c.nodes(':childless').not('.lane-label').length));
    // For the benchmark: elements added, positioned and fitted (the paint follows on the next frame), and the
    // time to the frame after Cytoscape's first draw of them (it draws in its own animation frame callback).
    box.current?.setAttribute('data-render-ms', String(Math.round(performance.now() - start)));
    requestAnimationFrame(() => requestAnimationFrame(() => box.current?.setAttribute('data-paint-ms', String(Math.round(performance.now() - start)))));
    revealSelection(c, services.store.get().selectedEventId);
  }, [graph, services]);

  useEffect(() => {
    if (cy.current) revealSelection(cy.current, selected);
  }, [selected]);

  return (
    <Panel title="Causal graph" testId="causal-graph" className="graph" tools={
        <>
          <span className="muted" style={{ fontWeight: 400 }}>time → (quiet gaps shortened) · one lane per actor</span>
          <span style={{ flex: 1 }} />
          <button type="button" className="btn small" data-testid="graph-fit-story" onClick={() => cy.current && fitToStory(cy.current)}>Fit story</button>
          <button type="button" className="btn small" data-testid="graph-fit-all" onClick={() => cy.current?.fit(undefined, 30)}>Show all</button>
        </>
      }>
      <div ref={box} className="cy" role="img" aria-label="Causal graph of the incident: time left to right, one lane per actor" data-testid="cy">
        <div ref={canvas} style={{ position: 'absolute', inset: 0 }} />
      </div>
      <GraphLegend />
    </Panel>
  );
}
