// Cytoscape's stylesheet, built from the CSS theme variables (Cytoscape draws on canvas and cannot read CSS).
import type cytoscape from 'cytoscape';
import { LABEL_FONT_FAMILY } from './labels';

const v = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';

/** Node classes that tell the story: always in Cytoscape, labelled (events an investigator added among them). */
export const STORY_CLASSES: readonly string[] = ['actor-agent', 'actor-human', 'kind-manual', 'cluster', 'on-path', 'finding', 'divergence', 'lane-label'];
/** Labelled too, but many: drawn as dots until their labels can be read (see dotLayer's detailInView). */
export const DETAIL_CLASSES: readonly string[] = ['sev-error', 'sev-fatal'];
export const LABEL_FONT_SIZE = 12;
/** Cytoscape leaves out labels smaller than this on screen ('min-zoomed-font-size'). */
export const MIN_ZOOMED_FONT_SIZE = 6;

export interface DotColors {
  system: string;
  warn: string;
  error: string;
}

/** The dots' colours, as the stylesheet below gives them to nodes. */
export function dotColors(): DotColors {
  return { system: v('--system'), warn: v('--warn'), error: v('--error') };
}

export function graphStyle(): cytoscape.StylesheetJson {
  const labelled = [...STORY_CLASSES, ...DETAIL_CLASSES].map((c) => `node.${c}`).concat('node:selected').join(', ');
  return [
    // Routine system events carry no label (they are dots on their lane); what tells the story does.
    // Text properties only where there is text: each property is applied to each node one by one, which at
    // thousands of unlabelled nodes was most of the first render. Labels come cut to width (labels.ts).
    { selector: 'node', style: { 'background-color': v('--system'), width: 12, height: 12 } },
    { selector: labelled, style: { label: 'data(label)', 'font-size': LABEL_FONT_SIZE, color: v('--text'), 'font-family': LABEL_FONT_FAMILY, 'text-valign': 'bottom', 'text-margin-y': 2, 'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE, 'text-background-color': v('--panel'), 'text-background-opacity': 0.7, 'text-background-padding': '1px' } },
    { selector: 'node.actor-agent', style: { 'background-color': v('--agent'), shape: 'round-rectangle' } },
    { selector: 'node.actor-human', style: { 'background-color': v('--human'), shape: 'diamond', width: 14, height: 14 } },
    { selector: 'node.sev-warn', style: { 'background-color': v('--warn') } },
    { selector: 'node.sev-error, node.sev-fatal', style: { 'background-color': v('--error') } },
    { selector: 'node.cluster', style: { shape: 'round-rectangle', width: 26, height: 14, 'border-width': 2, 'border-color': v('--text'), 'font-weight': 'bold' } },
    { selector: 'node.divergence', style: { 'background-color': v('--divergence'), shape: 'star', width: 26, height: 26, label: 'data(label)', 'font-size': 12, 'font-weight': 'bold', color: v('--divergence-text'), 'text-valign': 'top', 'text-margin-y': -4 } },
    { selector: 'node.finding', style: { shape: 'hexagon', 'background-color': v('--accent') } },
    { selector: 'node.lane-label', style: { shape: 'rectangle', width: 1, height: 1, 'background-opacity': 0, label: 'data(label)', 'text-valign': 'center', 'text-halign': 'left', 'font-size': 11, color: v('--muted'), events: 'no' } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': v('--selection'), 'underlay-color': v('--selection'), 'underlay-opacity': 0.6, 'underlay-padding': 4 } },
    { selector: 'edge', style: { width: 1.5, 'line-color': v('--muted'), 'target-arrow-color': v('--muted'), 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8, opacity: 0.8 } },
    { selector: 'edge.weak', style: { 'line-style': 'dashed', opacity: 0.6 } },
    { selector: 'edge.path', style: { width: 3, 'line-color': v('--accent'), 'target-arrow-color': v('--accent'), opacity: 1 } },
    { selector: 'edge.divergence-edge', style: { width: 2.5, 'line-color': v('--divergence'), 'target-arrow-color': v('--divergence'), 'line-style': 'solid', opacity: 1 } },
    { selector: 'edge.edge-believed', style: { 'line-color': v('--believed'), 'target-arrow-color': v('--believed'), 'line-style': 'dashed' } },
    { selector: 'edge.edge-actual', style: { 'line-color': v('--actual'), 'target-arrow-color': v('--actual') } },
  ];
}
