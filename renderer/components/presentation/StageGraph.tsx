// The causal graph beside a slide, zoomed to the step's nodes (the story on title and closing slides), the
// rest dimmed. Same model, layout and style as the main graph, so the room sees what the investigator saw.
import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';
import type { Slide } from '../../../shared/export/presentation';
import { graphStyle } from '../graph/cyStyle';
import { fitToStory, toElements } from '../graph/graphSync';
import { useGraphModel } from '../graph/useGraphModel';
import { focusNodeIds, type StageNode } from './stage';

declare global {
  interface Window {
    /** The presentation's Cytoscape instance, for end-to-end tests. */
    __driftlinePresentCy?: cytoscape.Core;
  }
}

const FOCUS_STYLE: cytoscape.StylesheetJson = [
  { selector: '.present-dim', style: { opacity: 0.25 } },
  { selector: 'node.present-focus', style: { label: 'data(label)', 'font-size': 14, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#f5a623', 'underlay-color': '#f5a623', 'underlay-opacity': 0.35, 'underlay-padding': 6 } },
  { selector: 'edge.present-focus', style: { width: 5, 'line-color': '#f5a623', 'target-arrow-color': '#f5a623', opacity: 1 } },
];

function zoomTo(cy: cytoscape.Core, slide: Slide | undefined, box: HTMLElement | null, animate = !matchMedia('(prefers-reduced-motion: reduce)').matches) {
  cy.elements().removeClass('present-focus present-dim');
  const ids = focusNodeIds(cy.nodes().map((n) => n.data() as StageNode), slide?.focus?.eventIds ?? []);
  box?.setAttribute('data-focus-nodes', ids.join(' '));
  cy.stop(true, true);
  if (!ids.length) {
    fitToStory(cy);
    return;
  }
  const wanted = new Set(ids);
  const nodes = cy.nodes().filter((n) => wanted.has(n.id()));
  const focus = nodes.union(nodes.edgesWith(nodes));
  focus.addClass('present-focus');
  cy.elements().not(focus).not('.lane-label').addClass('present-dim');
  if (animate) cy.animate({ fit: { eles: nodes, padding: 90 } }, { duration: 350 });
  else cy.fit(nodes, 90);
}

export function StageGraph({ slide }: { slide: Slide | undefined }) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<cytoscape.Core | null>(null);
  const graph = useGraphModel();
  const slideRef = useRef(slide);
  slideRef.current = slide;

  useEffect(() => {
    // Two steps can be seconds apart on a lane hours long: allow a deep zoom, but not so deep a node fills the screen.
    const instance = cytoscape({ container: box.current, style: [...graphStyle(), ...FOCUS_STYLE], minZoom: 0.05, maxZoom: 2.5, boxSelectionEnabled: false, autoungrabify: true, autounselectify: true });
    cy.current = instance;
    window.__driftlinePresentCy = instance;
    // The stage's rows settle after the slide text and the strip render, and the window can be resized while
    // presenting: Cytoscape keeps its old size until told, so the step would drift off-centre. Re-fit at once.
    const resized = new ResizeObserver(() => {
      instance.resize();
      if (instance.nodes().nonempty()) zoomTo(instance, slideRef.current, box.current, false);
    });
    resized.observe(box.current!);
    return () => {
      resized.disconnect();
      instance.destroy();
      if (window.__driftlinePresentCy === instance) delete window.__driftlinePresentCy;
    };
  }, []);

  useEffect(() => {
    const c = cy.current;
    if (!c || !graph) return;
    c.batch(() => {
      c.elements().remove();
      c.add(toElements(graph));
    });
    zoomTo(c, slideRef.current, box.current);
  }, [graph]);

  useEffect(() => {
    if (cy.current && cy.current.nodes().nonempty()) zoomTo(cy.current, slide, box.current);
  }, [slide]);

  return <div ref={box} className="stage-graph" data-testid="stage-graph" role="img" aria-label={slide?.focus ? `Causal graph zoomed to: ${slide.title}` : 'Causal graph of the whole incident'} />;
}
