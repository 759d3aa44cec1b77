import { describe, expect, it } from 'vitest';
import { fitLabel, labelFont, type Measure } from '../../../../renderer/components/graph/labels';
import { toElements } from '../../../../renderer/components/graph/graphSync';
import { buildGraph } from '../../../../shared/graph/build';
import { ev } from '../../../shared/graph/fixtures';

/** 10 px a character, 20 in bold; counts calls. */
function monospace() {
  const calls = { n: 0 };
  const measure: Measure = (text, font) => {
    calls.n++;
    return [...text].length * (font.includes('bold') ? 20 : 10);
  };
  return { measure, calls };
}

describe('graph labels cut to width before Cytoscape draws them', () => {
  it('keeps a label that fits', () => {
    const { measure } = monospace();
    expect(fitLabel('short label', labelFont('event'), measure, 160)).toBe('short label');
  });

  it('cuts a long label at the longest prefix that fits with an ellipsis', () => {
    const { measure, calls } = monospace();
    const out = fitLabel('connection pool exhausted on db-main', labelFont('event'), measure, 160);
    expect(out).toBe('connection pool…');
    expect(measure(out, '')).toBeLessThanOrEqual(160);
    // One more character would not fit.
    expect(measure('connection pool e…', '')).toBeGreaterThan(160);
    // A binary search, not one measurement per character.
    expect(calls.n).toBeLessThan(10);
  });

  it('keeps a cluster count whole and cuts the text before it', () => {
    const { measure } = monospace();
    // Bold: 20 px a character, so 15 of them in 300 px, six for the count.
    expect(fitLabel('503 connection pool exhausted ×2,314', labelFont('cluster'), measure, 300)).toBe('503 con… ×2,314');
  });

  it('measures in the font each kind of label is drawn in', () => {
    expect(labelFont('cluster sev-error')).toContain('bold 12px');
    expect(labelFont('divergence')).toContain('bold 12px');
    expect(labelFont('lane-label')).toContain('normal 11px');
    expect(labelFont('event actor-agent')).toContain('normal 12px');
  });

  it('hands Cytoscape cut labels and keeps the whole one for the tooltip', () => {
    const { measure } = monospace();
    const g = buildGraph([ev(1, 0, { severity: 'error', message: 'write to the orders shard failed after 3 retries' })], null);
    const [lane, node] = toElements(g, g.nodes, measure);
    expect(lane.classes).toBe('lane-label');
    expect(node.data.label).toBe('write to the or…');
    expect(node.data.title).toBe('write to the orders shard failed after 3 retries');
    // The model is not changed.
    expect(g.nodes[0].data.label).toBe('write to the orders shard failed after 3 retries');
  });
});
