// Node labels cut to the graph's label width once, before Cytoscape sees them. Cytoscape's own 'text-wrap:
// ellipsis' measures a long label again for every character it keeps, setting the canvas font each time:
// ~0.45 ms a label, so 1,000 labelled nodes spent 460 ms there before the first frame. A binary search over
// prefixes needs ~6 measurements, and a cluster's count (" ×2,314") is kept whole instead of cut away.

/** Cytoscape's default label family, named so the measurement and the drawing use the same one. */
export const LABEL_FONT_FAMILY = 'Helvetica Neue, Helvetica, sans-serif';
/** Widest label, in model pixels at zoom 1. */
export const LABEL_MAX_PX = 160;

/** Width of a text in a CSS font, in pixels. */
export type Measure = (text: string, font: string) => number;

const ELLIPSIS = '…';

/** The label whole if it fits, else its longest prefix that fits with "…" and, for a cluster, its count. */
export function fitLabel(label: string, font: string, measure: Measure, maxPx = LABEL_MAX_PX): string {
  if (measure(label, font) <= maxPx) return label;
  const counted = /^(.*?)( ×[\d,]+)$/s.exec(label);
  const text = counted ? counted[1] : label;
  const tail = ELLIPSIS + (counted ? counted[2] : '');
  const fits = (k: number) => measure(text.slice(0, k).trimEnd() + tail, font) <= maxPx;
  // Largest k in [0, text.length) whose prefix fits; widths grow with k, so binary search.
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo).trimEnd() + tail;
}

let context: CanvasRenderingContext2D | null | undefined;
let contextFont = '';
const charWidths = new Map<string, Map<string, number>>();

/**
 * Sums the widths of a text's characters, each measured once per font on a canvas of its own. measureText
 * costs ~14 µs a call in chromium here, and fitting 1,000 labels took ~7,000 calls (100 ms); kerning, which
 * this leaves out, moves a 12 px label by under a pixel.
 */
export const canvasMeasure: Measure = (text, font) => {
  let widths = charWidths.get(font);
  if (!widths) charWidths.set(font, (widths = new Map()));
  let total = 0;
  for (const ch of text) {
    let w = widths.get(ch);
    if (w === undefined) widths.set(ch, (w = measureOnCanvas(ch, font)));
    total += w;
  }
  return total;
};

function measureOnCanvas(text: string, font: string): number {
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 7;
  // Setting the font makes the canvas parse it again: only when it changes.
  if (contextFont !== font) context.font = contextFont = font;
  return context.measureText(text).width;
}

/** The CSS font a node's label is drawn in (see cyStyle: lane labels 11 px, clusters and divergences bold). */
export function labelFont(classes: string): string {
  const has = (c: string) => ` ${classes} `.includes(` ${c} `);
  const size = has('lane-label') ? 11 : 12;
  const weight = has('cluster') || has('divergence') ? 'bold' : 'normal';
  return `normal ${weight} ${size}px ${LABEL_FONT_FAMILY}`;
}
