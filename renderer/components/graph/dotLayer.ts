// Routine events as plain dots on a canvas under Cytoscape's. Most of a large graph is unlabelled system events
// with no link: Cytoscape styles, bounds and caches each of its elements one by one (~130 µs a node here, so
// ~0.65 s for 5,000 before the first frame), while a canvas draws the same 5,000 dots in a few milliseconds.
// They follow Cytoscape's pan and zoom, answer taps and hovers, and a selected dot is handed to Cytoscape
// (promoted) so a selection looks the same wherever it lands.
import type cytoscape from 'cytoscape';
import type { Graph, GraphNode } from '../../../shared/graph/types';
import { LABELLED_CLASSES, dotColors, type DotColors } from './cyStyle';
import { withFittedLabel } from './graphSync';

/** Same size as Cytoscape's routine nodes (12 × 12). */
export const DOT_RADIUS = 6;
/** How far off a dot's edge a pointer still hits it, in screen pixels (small dots at low zoom stay clickable). */
const HIT_SLOP_PX = 3;

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The graph's nodes split between Cytoscape and the dot layer: a dot shows no label and has no edge. */
export function splitDots(g: Pick<Graph, 'nodes' | 'edges'>): { nodes: GraphNode[]; dots: GraphNode[] } {
  const linked = new Set<string>();
  for (const e of g.edges) linked.add(e.data.source).add(e.data.target);
  const nodes: GraphNode[] = [];
  const dots: GraphNode[] = [];
  for (const n of g.nodes) (isDot(n, linked) ? dots : nodes).push(n);
  return { nodes, dots };
}

function isDot(n: GraphNode, linked: ReadonlySet<string>): boolean {
  if (n.data.nodeKind !== 'event' || linked.has(n.data.id)) return false;
  const classes = n.classes.split(' ');
  return !classes.some((c) => LABELLED_CLASSES.includes(c));
}

/** The model → screen transform of a Cytoscape viewport. */
export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/** The dot under a point on screen, nearest first; later dots win ties, as they are drawn on top. */
export function dotAt(dots: readonly GraphNode[], rendered: { x: number; y: number }, view: Viewport, hidden: ReadonlySet<string> = new Set()): GraphNode | undefined {
  const x = (rendered.x - view.pan.x) / view.zoom;
  const y = (rendered.y - view.pan.y) / view.zoom;
  const reach = DOT_RADIUS + HIT_SLOP_PX / view.zoom;
  let best: GraphNode | undefined;
  let bestD = reach * reach;
  for (const d of dots) {
    const dx = d.position.x - x;
    const dy = d.position.y - y;
    const d2 = dx * dx + dy * dy;
    if (d2 <= bestD && !hidden.has(d.data.id)) {
      best = d;
      bestD = d2;
    }
  }
  return best;
}

/** The model-space box around the dots (their full size), or null when there are none. */
export function dotBounds(dots: readonly GraphNode[]): Box | null {
  if (!dots.length) return null;
  const b = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const { position: p } of dots) {
    b.x1 = Math.min(b.x1, p.x);
    b.y1 = Math.min(b.y1, p.y);
    b.x2 = Math.max(b.x2, p.x);
    b.y2 = Math.max(b.y2, p.y);
  }
  return { x1: b.x1 - DOT_RADIUS, y1: b.y1 - DOT_RADIUS, x2: b.x2 + DOT_RADIUS, y2: b.y2 + DOT_RADIUS };
}

export class DotLayer {
  readonly canvas: HTMLCanvasElement;
  private dots: GraphNode[] = [];
  /** Per dot: position and whether it is a warning, kept flat for drawing. */
  private xs = new Float64Array(0);
  private ys = new Float64Array(0);
  private warn = new Uint8Array(0);
  /** Dots standing in Cytoscape for now (selected), not drawn here. */
  private readonly promoted = new Set<string>();
  private colors: DotColors = dotColors();
  private frame = 0;
  private readonly resized: ResizeObserver;
  private readonly schedule = () => {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  };

  constructor(
    private readonly cy: cytoscape.Core,
    private readonly host: HTMLElement,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('aria-hidden', 'true');
    this.canvas.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;pointer-events:none';
    host.prepend(this.canvas);
    cy.on('viewport resize', this.schedule);
    this.resized = new ResizeObserver(this.schedule);
    this.resized.observe(host);
  }

  get count(): number {
    return this.dots.length;
  }

  /** The dots drawn, in drawing order. */
  get all(): readonly GraphNode[] {
    return this.dots;
  }

  set(dots: GraphNode[]): void {
    this.dots = dots;
    this.promoted.clear();
    this.xs = Float64Array.from(dots, (d) => d.position.x);
    this.ys = Float64Array.from(dots, (d) => d.position.y);
    this.warn = Uint8Array.from(dots, (d) => (` ${d.classes} `.includes(' sev-warn ') ? 1 : 0));
    this.schedule();
  }

  restyle(): void {
    this.colors = dotColors();
    this.schedule();
  }

  /** The dot standing for an event, if that event is drawn here. */
  find(eventId: number): GraphNode | undefined {
    return this.dots.find((d) => d.data.members.includes(eventId));
  }

  at(rendered: { x: number; y: number }): GraphNode | undefined {
    return dotAt(this.dots, rendered, { zoom: this.cy.zoom(), pan: this.cy.pan() }, this.promoted);
  }

  bounds(): Box | null {
    return dotBounds(this.dots);
  }

  /** Hands a dot to Cytoscape (to be selected there) and stops drawing it here; unpromote() takes all back. */
  promote(dot: GraphNode): cytoscape.NodeSingular {
    this.promoted.add(dot.data.id);
    this.schedule();
    const node = withFittedLabel({ ...dot, data: { ...dot.data }, position: { ...dot.position }, classes: `${dot.classes} promoted` });
    return this.cy.add(node) as cytoscape.NodeSingular;
  }

  unpromote(): void {
    if (!this.promoted.size) return;
    this.cy.remove('node.promoted');
    this.promoted.clear();
    this.schedule();
  }

  draw(): void {
    this.frame = 0;
    const dpr = window.devicePixelRatio || 1;
    const w = this.host.clientWidth;
    const h = this.host.clientHeight;
    const width = Math.round(w * dpr);
    const height = Math.round(h * dpr);
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * pan.x, dpr * pan.y);
    // Only what is on screen; a dot under a pixel wide is a square (arcs cost more and look the same).
    const x1 = -pan.x / zoom - DOT_RADIUS;
    const y1 = -pan.y / zoom - DOT_RADIUS;
    const x2 = (w - pan.x) / zoom + DOT_RADIUS;
    const y2 = (h - pan.y) / zoom + DOT_RADIUS;
    const tiny = DOT_RADIUS * zoom * dpr < 1;
    for (const warn of [0, 1]) {
      ctx.beginPath();
      for (let i = 0; i < this.xs.length; i++) {
        const x = this.xs[i];
        const y = this.ys[i];
        if (this.warn[i] !== warn || x < x1 || x > x2 || y < y1 || y > y2) continue;
        if (this.promoted.size && this.promoted.has(this.dots[i].data.id)) continue;
        if (tiny) ctx.rect(x - DOT_RADIUS, y - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS);
        else {
          ctx.moveTo(x + DOT_RADIUS, y);
          ctx.arc(x, y, DOT_RADIUS, 0, 2 * Math.PI);
        }
      }
      ctx.fillStyle = warn ? this.colors.warn : this.colors.system;
      ctx.fill();
    }
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.cy.removeListener('viewport resize', this.schedule);
    this.resized.disconnect();
    this.canvas.remove();
  }
}
