import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../../shared/graph/build';
import type { GraphNode } from '../../../../shared/graph/types';
import { DOT_RADIUS, READABLE_ZOOM, detailInView, dotAt, dotBounds, isDetail, splitDots } from '../../../../renderer/components/graph/dotLayer';
import { fitViewport } from '../../../../renderer/components/graph/graphSync';
import { ev } from '../../../shared/graph/fixtures';

const dot = (id: string, x: number, y: number, severity = 'info'): GraphNode => ({
  group: 'nodes',
  data: { id, label: id, nodeKind: 'event', kind: 'log', severity, lane: 'l', eventId: 1, members: [1], count: 1 },
  position: { x, y },
  classes: `event kind-log sev-${severity} actor-system`,
});

describe('routine dots beside Cytoscape', () => {
  it('draws as dots only unlabelled routine events with no edge', () => {
    const g = buildGraph(
      [
        ev(1, 0, { message: 'routine info' }),
        ev(2, 1, { severity: 'warn', message: 'routine warning' }),
        ev(3, 2, { severity: 'error', message: 'write failed' }),
        ev(4, 3, { actor: 'ops-agent', actorType: 'agent', kind: 'tool_call', callId: 'c1', message: 'kubectl get' }),
        ev(5, 4, { actor: 'ops-agent', actorType: 'agent', kind: 'tool_result', callId: 'c1', message: 'replicas: 3' }),
        ev(6, 5, { actor: 'alice', actorType: 'human', message: 'paused the agent' }),
        ev(11, 5.5, { kind: 'manual', message: 'incident commander paused all agents' }),
        ...[7, 8, 9, 10].map((id) => ev(id, 6 + id / 100, { message: 'pool exhausted' })),
      ],
      null,
    );
    const { nodes, dots } = splitDots(g);
    const events = (ns: GraphNode[]) => ns.flatMap((n) => n.data.members).sort((a, b) => a - b);
    expect(events(dots)).toEqual([1, 2, 3]);
    // Agent and human events, an investigator's own, and the cluster of repeats stay in Cytoscape, labelled.
    expect(events(nodes)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(nodes.length + dots.length).toBe(g.nodes.length);
    // The lone error is a dot whose label is worth showing once it can be read.
    expect(dots.filter(isDetail).flatMap((d) => d.data.members)).toEqual([3]);
  });

  it('keeps in Cytoscape an unlabelled event that an edge reaches', () => {
    const g = { nodes: [dot('a', 0, 0), dot('b', 50, 0)], edges: [{ group: 'edges' as const, data: { id: 'e', source: 'x', target: 'b', kind: 'caused', confidence: 1, label: '' }, classes: '' }] };
    expect(splitDots(g).dots.map((d) => d.data.id)).toEqual(['a']);
  });

  it('finds the dot under the pointer through the viewport, with a few pixels of slop', () => {
    const dots = [dot('a', 100, 100), dot('b', 130, 100)];
    const view = { zoom: 2, pan: { x: -100, y: -50 } };
    // Model (100, 100) is at screen (100, 150) at this zoom and pan.
    expect(dotAt(dots, { x: 100, y: 150 }, view)?.data.id).toBe('a');
    expect(dotAt(dots, { x: 160, y: 150 }, view)?.data.id).toBe('b');
    // Radius 6 model px = 12 screen px, plus 3 px of slop.
    expect(dotAt(dots, { x: 114, y: 150 }, view)?.data.id).toBe('a');
    expect(dotAt(dots, { x: 100, y: 166 }, view)).toBeUndefined();
    expect(dotAt(dots, { x: 100, y: 150 }, view, new Set(['a']))).toBeUndefined();
  });

  it('prefers the dot drawn on top when two overlap exactly', () => {
    expect(dotAt([dot('under', 0, 0), dot('over', 0, 0)], { x: 0, y: 0 }, { zoom: 1, pan: { x: 0, y: 0 } })?.data.id).toBe('over');
  });

  it('bounds the dots by their full size', () => {
    expect(dotBounds([])).toBeNull();
    expect(dotBounds([dot('a', 10, 40), dot('b', -5, 20)])).toEqual({ x1: -5 - DOT_RADIUS, y1: 20 - DOT_RADIUS, x2: 10 + DOT_RADIUS, y2: 40 + DOT_RADIUS });
  });

  it('fits a box in the view, centred, within the zoom limits', () => {
    const v = fitViewport({ x1: 0, y1: 0, x2: 1000, y2: 100 }, { width: 600, height: 400 }, 50, { min: 0.05, max: 4 });
    expect(v.zoom).toBeCloseTo(0.5);
    // The box's centre (500, 50) lands on the view's centre (300, 200).
    expect(500 * v.zoom + v.pan.x).toBeCloseTo(300);
    expect(50 * v.zoom + v.pan.y).toBeCloseTo(200);
    expect(fitViewport({ x1: 0, y1: 0, x2: 2, y2: 2 }, { width: 600, height: 400 }, 10, { min: 0.05, max: 4 }).zoom).toBe(4);
    expect(fitViewport({ x1: 0, y1: 0, x2: 1e6, y2: 10 }, { width: 600, height: 400 }, 10, { min: 0.05, max: 4 }).zoom).toBe(0.05);
  });

  it('holds lone errors in Cytoscape only where their labels can be read: zoomed in, in or near the view', () => {
    const errors = Array.from({ length: 100 }, (_, i) => dot(`e${i}`, i * 50, 0, 'error'));
    const routine = dot('info', 100, 0);
    const dots = [...errors, routine];
    const size = { width: 500, height: 200 };
    // Zoomed out, labels are too small to draw: none.
    expect(detailInView(dots, { zoom: READABLE_ZOOM * 0.99, pan: { x: 0, y: 100 } }, size)).toEqual([]);
    // At zoom 1 the view shows model x 0..500; half a view more on each side reaches -250..750.
    const ids = detailInView(dots, { zoom: 1, pan: { x: 0, y: 100 } }, size).map((d) => d.data.id);
    expect([...ids].sort()).toEqual(Array.from({ length: 16 }, (_, i) => `e${i}`).sort());
    // Nearest the centre (x 250) first, the farthest (x 750) last.
    expect(ids.slice(0, 3)).toEqual(['e5', 'e4', 'e6']);
    expect(ids.at(-1)).toBe('e15');
    // Never a dot without a label to show.
    expect(ids).not.toContain('info');
    // Capped, keeping the nearest.
    expect(detailInView(dots, { zoom: 1, pan: { x: 0, y: 100 } }, size, 3).map((d) => d.data.id)).toEqual(['e5', 'e4', 'e6']);
  });
});
