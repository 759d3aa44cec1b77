import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../shared/graph/build';
import { LANE_HEIGHT } from '../../../shared/graph/lanes';
import { ANALYSIS_SCHEMA, type AnalysisV1 } from '../../../shared/analysis/types';
import { toIso } from '../../../shared/model/time';
import { ev, sec } from './fixtures';

const evidence = (event_id: number) => [{ source: 'x.jsonl', line: event_id, event_id }];

function analysisFor(): AnalysisV1 {
  return {
    schema: ANALYSIS_SCHEMA,
    generator: 'test',
    sources: [],
    actors: [],
    actions: [],
    beliefs: [],
    divergences: [
      {
        id: 'd1',
        kind: 'stale_context',
        resource: 'k8s:prod/deployment/payments',
        action: { event_id: 4, ts: toIso(sec(40)), actor: 'ops-agent', intent: 'spec.replicas = 2', evidence: evidence(4) },
        believed: { fact: 'spec.replicas', value: '6', observed_at: toIso(sec(0)), evidence: evidence(2) },
        actual: { fact: 'spec.replicas', value: '12', since: toIso(sec(20)), changed_by: 'alice', evidence: evidence(3) },
        staleness_ms: 40_000,
        confidence: 0.9,
        why: '',
      },
    ],
    chain: {
      nodes: [
        { id: 'div:d1', event_id: null, label: 'stale', ts: toIso(sec(40)), kind: 'divergence' },
        { id: 'ev:4', event_id: 4, label: 'scale', ts: toIso(sec(40)), kind: 'tool_call' },
        { id: 'ev:6', event_id: 6, label: 'errors', ts: toIso(sec(70)), kind: 'error' },
        { id: 'x', event_id: null, label: 'unlocated finding', ts: toIso(sec(60)), kind: 'note' },
      ],
      edges: [
        { from: 'div:d1', to: 'ev:4', kind: 'acted_on_stale', confidence: 0.9, why: '', evidence: [] },
        { from: 'ev:4', to: 'ev:6', kind: 'error_onset', confidence: 0.8, why: '', evidence: [] },
        { from: 'ev:6', to: 'x', kind: 'alerted', confidence: 0.4, why: '', evidence: [] },
      ],
      most_probable_path: ['div:d1', 'ev:4', 'ev:6'],
    },
    classification: [],
    intervention: { first_divergence: null, first_impact: null, first_alert: null, stopped_at: null, stopped_by: null, how: null, kept_acting_ms: null, actions_after_first_impact: 0 },
  };
}

const rows = [
  ev(1, 0, { actor: 'ops-agent', actorType: 'agent', kind: 'tool_call', callId: 'c1', message: 'kubectl get' }),
  ev(2, 0.2, { actor: 'ops-agent', actorType: 'agent', kind: 'tool_result', callId: 'c1', message: 'replicas 6' }),
  ev(3, 20, { actor: 'alice', actorType: 'human', kind: 'audit', action: 'patch', message: 'alice scales to 12' }),
  ev(4, 40, { actor: 'ops-agent', actorType: 'agent', kind: 'tool_call', message: 'kubectl scale' }),
  ev(5, 69, { severity: 'error', message: '503 pool exhausted 1' }),
  ev(6, 70, { severity: 'error', message: '503 pool exhausted 2' }),
  ev(7, 71, { severity: 'error', message: '503 pool exhausted 3' }),
  ev(8, 72, { severity: 'error', message: '503 pool exhausted 4' }),
  ev(9, 73, { severity: 'error', message: '503 pool exhausted 5' }),
];

describe('buildGraph', () => {
  const g = buildGraph(rows, analysisFor());
  const node = (id: string) => g.nodes.find((n) => n.data.id === id);
  const edge = (source: string, target: string) => g.edges.find((e) => e.data.source === source && e.data.target === target);

  it('places every event by time on x and by actor lane on y', () => {
    expect(node('e:1')!.position.x).toBeLessThan(node('e:3')!.position.x);
    expect(node('e:3')!.position.x).toBeLessThan(node('e:4')!.position.x);
    const laneY = (key: string) => g.lanes.find((l) => l.key === key)!.y;
    expect(node('e:3')!.position.y).toBeGreaterThanOrEqual(laneY('alice'));
    expect(node('e:3')!.position.y).toBeLessThan(laneY('alice') + LANE_HEIGHT);
  });

  it('draws the divergence as its own node, linked from what was believed and what was true to the action', () => {
    const d = node('d:d1')!;
    expect(d.classes).toContain('divergence');
    expect(d.data.eventId).toBe(4);
    expect(edge('e:2', 'd:d1')?.data.kind).toBe('believed');
    expect(edge('e:3', 'd:d1')?.data.kind).toBe('actual');
    expect(edge('d:d1', 'e:4')?.classes).toContain('divergence-edge');
    expect(g.lanes[0].key).toBe('(divergences)');
  });

  it('links a tool call to its result by call id', () => {
    expect(edge('e:1', 'e:2')?.data.kind).toBe('tool_result');
  });

  it('keeps cited events out of clusters and clusters the rest of the run', () => {
    expect(node('e:6')).toBeDefined();
    const cluster = g.nodes.find((n) => n.data.nodeKind === 'cluster');
    expect(cluster?.data.members).toEqual([7, 8, 9]);
    expect(cluster?.data.label).toContain('×3');
  });

  it('maps chain edges onto graph nodes, marks the most probable path, and adds unlocated findings', () => {
    expect(edge('e:4', 'e:6')?.classes).toContain('path');
    expect(edge('d:d1', 'e:4')?.classes).toContain('path');
    expect(node('e:4')!.classes).toContain('on-path');
    expect(node('e:1')!.classes).not.toContain('on-path');
    expect(node('n:x')?.data.nodeKind).toBe('finding');
    expect(edge('e:6', 'n:x')?.classes).toContain('weak');
  });

  it('every edge ends on a node that exists', () => {
    const ids = new Set(g.nodes.map((n) => n.data.id));
    for (const e of g.edges) {
      expect(ids.has(e.data.source)).toBe(true);
      expect(ids.has(e.data.target)).toBe(true);
    }
  });

  it('adds up rows the engine pre-aggregated, so a cluster counts events, not rows', () => {
    const agg = buildGraph([ev(1, 0, { severity: 'error', message: 'pool exhausted', count: 400 }), ev(2, 10, { severity: 'error', message: 'pool exhausted', count: 600 }), ev(3, 20, { severity: 'error', message: 'pool exhausted', count: 5 })], null);
    expect(agg.nodes).toHaveLength(1);
    expect(agg.nodes[0].data.count).toBe(1005);
    expect(agg.nodes[0].data.label).toContain('×1,005');
    const single = buildGraph([ev(1, 0, { severity: 'error', message: 'pool exhausted', count: 7 })], null);
    expect(single.nodes[0].data.nodeKind).toBe('cluster');
    expect(single.nodes[0].data.label).toContain('×7');
  });

  it('builds without an analysis', () => {
    const plain = buildGraph(rows, null);
    expect(plain.nodes.some((n) => n.data.nodeKind === 'divergence')).toBe(false);
    expect(plain.nodes.length).toBeGreaterThan(0);
  });
});
