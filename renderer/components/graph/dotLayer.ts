// Routine events as plain dots on a canvas under Cytoscape's. Most of a large graph is system events with no
// link: Cytoscape styles, bounds and caches each of its elements one by one (~130 µs a node here, ~250 µs with
// a label, so 0.65-1.2 s for 5,000 before the first frame), while a canvas draws the same 5,000 dots in a few
// milliseconds. They follow Cytoscape's pan and zoom and answer taps and hovers. Lone errors are dots too until
// their labels can be read: zoomed in that far, those in view are added to Cytoscape with their labels (level of
// detail). A selected dot is handed to Cytoscape as well, so a selection looks the same wherever it lands.
import type cytoscape from 'cytoscape';
import type { Graph, GraphNode } from '../../../shared/graph/types';
import { DETAIL_CLASSES, LABEL_FONT_SIZE, MIN_ZOOMED_FONT_SIZE, STORY_CLASSES, dotColors, type DotColors } from './cyStyle';
import { withFittedLabel } from './graphSync';

/** Same size as Cytoscape's routine nodes (12 × 12). */
export const DOT_RADIUS = 6;
/** How far off a dot's edge a pointer still hits it, in screen pixels (small dots at low zoom stay clickable). */
const HIT_SLOP_PX = 3;
/** The zoom from which Cytoscape draws a label, so lone errors are worth adding to it with theirs. */
export const READABLE_ZOOM = MIN_ZOOMED_FONT_SIZE / LABEL_FONT_SIZE;
/** At most this many labelled dots in Cytoscape at once (~250 µs each to add), nearest the view's centre first. */
export const MAX_DETAIL = 800;
/** Labelled dots are added once panning and zooming pause this long, not on every frame of a gesture. */
const DETAIL_DELAY_MS = 120;
/** Labelled dots added in one frame. */
const DETAIL_CHUNK = 40;

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The graph's nodes split between Cytoscape and the dot layer: a dot is an event that tells no part of the story
 * by itself and has no edge. Lone errors are dots with `detail`: labelled when in Cytoscape.
 */
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
  return !n.classes.split(' ').some((c) => STORY_CLASSES.includes(c));
}

/** Whether a dot's node shows a label once in Cytoscape. */
export function isDetail(n: GraphNode): boolean {
  return n.classes.split(' ').some((c) => DETAIL_CLASSES.includes(c));
}

/** The model → screen transform of a Cytoscape viewport. */
export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/** The dot under a point on screen, nearest first; later dots win ties, as they are drawn on top. */
export function dotAt(dots: readonly GraphNode[], rendered: { x: number; y: number }, view: Viewport, hidden: Pick<ReadonlySet<string>, 'has'> = new Set()): GraphNode | undefined {
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

/**
 * The labelled dots to hold in Cytoscape for a view: none while labels are too small to draw, else those within
 * the view grown by half its size (so a short pan finds them there), nearest the centre first, at most `max`.
 */
export function detailInView(dots: readonly GraphNode[], view: Viewport, size: { width: number; height: number }, max = MAX_DETAIL): GraphNode[] {
  if (view.zoom < READABLE_ZOOM) return [];
  const w = size.width / view.zoom;
  const h = size.height / view.zoom;
  const cx = -view.pan.x / view.zoom + w / 2;
  const cy = -view.pan.y / view.zoom + h / 2;
  const near = dots.filter((d) => isDetail(d) && Math.abs(d.position.x - cx) <= w && Math.abs(d.position.y - cy) <= h);
  const dist = (d: GraphNode) => (d.position.x - cx) ** 2 + (d.position.y - cy) ** 2;
  return near.sort((a, b) => dist(a) - dist(b)).slice(0, max);
}

/** Drawing order: warnings over routine events, errors over both. */
const COLORS: readonly (keyof DotColors)[] = ['system', 'warn', 'error'];
const [SYSTEM, WARN, ERROR] = [0, 1, 2];

export class DotLayer {
  readonly canvas: HTMLCanvasElement;
  private dots: GraphNode[] = [];
  /** Per dot: position and colour (an index into COLORS), kept flat for drawing. */
  private xs = new Float64Array(0);
  private ys = new Float64Array(0);
  private color = new Uint8Array(0);
  /** Dots standing in Cytoscape for now, not drawn here: selected ones, and labelled ones in view. */
  private readonly promoted = new Set<string>();
  private readonly detailed = new Set<string>();
  private colors: DotColors = dotColors();
  private frame = 0;
  private detailTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts view changes, so labelled dots still being added for an older view stop. */
  private detailRun = 0;
  private readonly resized: ResizeObserver;
  private readonly schedule = () => {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  };
  private readonly viewChanged = () => {
    this.schedule();
    clearTimeout(this.detailTimer);
    this.detailRun++;
    this.detailTimer = setTimeout(() => this.updateDetail(), DETAIL_DELAY_MS);
  };

  constructor(
    private readonly cy: cytoscape.Core,
    private readonly host: HTMLElement,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('aria-hidden', 'true');
    this.canvas.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;pointer-events:none';
    host.prepend(this.canvas);
    cy.on('viewport resize', this.viewChanged);
    this.resized = new ResizeObserver(this.viewChanged);
    this.resized.observe(host);
  }

  get count(): number {
    return this.dots.length;
  }

  /** The dots drawn, in drawing order. */
  get all(): readonly GraphNode[] {
    return this.dots;
  }

  /** New dots, after Cytoscape's elements were replaced (taking any promoted with them). */
  set(dots: GraphNode[]): void {
    this.dots = dots;
    this.promoted.clear();
    this.detailed.clear();
    this.xs = Float64Array.from(dots, (d) => d.position.x);
    this.ys = Float64Array.from(dots, (d) => d.position.y);
    this.color = Uint8Array.from(dots, (d) => (isDetail(d) ? ERROR : ` ${d.classes} `.includes(' sev-warn ') ? WARN : SYSTEM));
    this.viewChanged();
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
    return dotAt(this.dots, rendered, { zoom: this.cy.zoom(), pan: this.cy.pan() }, this.hidden);
  }

  /** Dots in Cytoscape for now, which this layer neither draws nor hits. */
  private readonly hidden = { has: (id: string) => this.promoted.has(id) || this.detailed.has(id) };

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
    // A lone error given back may be one the view wants labelled.
    this.viewChanged();
  }

  /**
   * Brings the labelled dots in view into Cytoscape, nearest the centre first, a few per frame (the first draw of
   * a labelled node costs ~1 ms here), and takes back those out of view (a selected one stays).
   */
  updateDetail(): void {
    clearTimeout(this.detailTimer);
    const wanted = detailInView(this.dots, { zoom: this.cy.zoom(), pan: this.cy.pan() }, { width: this.cy.width(), height: this.cy.height() });
    const ids = new Set(wanted.map((d) => d.data.id));
    const leaving = [...this.detailed].filter((id) => !ids.has(id));
    const coming = wanted.filter((d) => !this.detailed.has(d.data.id) && !this.promoted.has(d.data.id));
    this.cy.batch(() => {
      for (const id of leaving) {
        const node = this.cy.getElementById(id);
        if (node.selected()) continue;
        node.remove();
        this.detailed.delete(id);
      }
    });
    this.addDetail(coming, ++this.detailRun);
  }

  private addDetail(coming: GraphNode[], run: number): void {
    if (run !== this.detailRun) return;
    if (!coming.length) return this.schedule();
    const now = coming.slice(0, DETAIL_CHUNK);
    this.cy.batch(() => {
      for (const d of now) {
        this.cy.add(withFittedLabel({ ...d, data: { ...d.data }, position: { ...d.position }, classes: `${d.classes} detail` }));
        this.detailed.add(d.data.id);
      }
    });
    // For the benchmark: whether more follow.
    this.host.toggleAttribute('data-detail-pending', coming.length > now.length);
    this.schedule();
    // The rest after this frame is drawn; a view change meanwhile starts over from its own view.
    if (coming.length > now.length) this.detailTimer = setTimeout(() => requestAnimationFrame(() => this.addDetail(coming.slice(now.length), run)), 0);
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
    const hiding = this.promoted.size + this.detailed.size > 0;
    for (let color = 0; color < COLORS.length; color++) {
      ctx.beginPath();
      for (let i = 0; i < this.xs.length; i++) {
        const x = this.xs[i];
        const y = this.ys[i];
        if (this.color[i] !== color || x < x1 || x > x2 || y < y1 || y > y2) continue;
        if (hiding && this.hidden.has(this.dots[i].data.id)) continue;
        if (tiny) ctx.rect(x - DOT_RADIUS, y - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS);
        else {
          ctx.moveTo(x + DOT_RADIUS, y);
          ctx.arc(x, y, DOT_RADIUS, 0, 2 * Math.PI);
        }
      }
      ctx.fillStyle = this.colors[COLORS[color]];
      ctx.fill();
    }
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.detailTimer);
    this.detailRun++;
    this.cy.removeListener('viewport resize', this.viewChanged);
    this.resized.disconnect();
    this.canvas.remove();
  }
}
