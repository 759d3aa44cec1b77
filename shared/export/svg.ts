// The causal graph as a standalone SVG image, laid out exactly as the app lays it out (shared/graph:
// time on x, one lane per actor), so the picture in a report matches what the investigator saw.
import { buildGraph } from '../graph/build';
import type { GraphNode } from '../graph/types';
import { toIso } from '../model/time';
import { escapeHtml as x } from './escape';
import { clock } from './format';
import type { ExportInput, RedactionInfo } from './input';

const LABEL_W = 190;
const PAD = 40;

function fill(n: GraphNode): string {
  if (n.data.nodeKind === 'divergence') return '#d62728';
  if (n.data.severity === 'error' || n.data.severity === 'fatal') return '#ff7f0e';
  if (n.classes.includes('actor-agent')) return '#1f77b4';
  if (n.classes.includes('actor-human')) return '#2ca02c';
  return '#7f7f7f';
}

/** SVG markup; `standalone` adds the XML declaration for a .svg file (left out when inlined in HTML). */
export function graphSvg(input: ExportInput, redaction: RedactionInfo, standalone: boolean): string {
  const g = buildGraph(input.events, input.analysis);
  const tsOf = new Map(input.events.map((e) => [Number(e.id), e.ts]));
  const xs = g.nodes.map((n) => n.position.x);
  const ys = [...g.nodes.map((n) => n.position.y), ...g.lanes.map((l) => l.y)];
  const minX = Math.min(0, ...xs);
  const minY = Math.min(0, ...ys) - PAD;
  const width = LABEL_W + (Math.max(0, ...xs) - minX) + PAD * 3;
  const height = Math.max(0, ...ys) - minY + PAD * 2;
  const px = (v: number) => (LABEL_W + PAD + v - minX).toFixed(1);
  const py = (v: number) => (v - minY + PAD / 2).toFixed(1);
  const pos = new Map(g.nodes.map((n) => [n.data.id, n.position]));
  // Only the chain's nodes and divergences carry visible labels: a static image cannot zoom, and
  // labelling every log line makes the story unreadable. Every node keeps its text as a tooltip.
  const chainEvents = new Set(input.analysis.chain.nodes.map((c) => c.event_id).filter((id): id is number => id !== null));
  const labelled = (n: GraphNode) => n.data.nodeKind === 'divergence' || n.data.nodeKind === 'finding' || n.data.members.some((id) => chainEvents.has(id));
  const out: string[] = [];
  if (standalone) out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width.toFixed(0)}" height="${height.toFixed(0)}" viewBox="0 0 ${width.toFixed(0)} ${height.toFixed(0)}" font-family="system-ui, sans-serif" font-size="11" role="img" aria-label="Causal graph">`);
  out.push(`<title>Driftline causal graph (redaction: ${x(redaction.profile)})</title>`);
  out.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>');
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  for (const l of g.lanes) {
    out.push(`<line x1="${LABEL_W}" x2="${width.toFixed(0)}" y1="${py(l.y)}" y2="${py(l.y)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="8" y="${py(l.y)}" dy="4" fill="#333">${x(l.label)}</text>`);
  }
  for (const e of g.edges) {
    const a = pos.get(e.data.source);
    const b = pos.get(e.data.target);
    if (!a || !b) continue;
    const onPath = e.classes.includes('path');
    const dash = e.classes.includes('weak') ? ' stroke-dasharray="4 3"' : '';
    out.push(`<line x1="${px(a.x)}" y1="${py(a.y)}" x2="${px(b.x)}" y2="${py(b.y)}" stroke="${onPath ? '#222' : '#999'}" stroke-width="${onPath ? 2 : 1}"${dash} marker-end="url(#arrow)"><title>${x(e.data.kind)} (${e.data.confidence.toFixed(2)})</title></line>`);
  }
  for (const n of g.nodes) {
    const cx = px(n.position.x);
    const cy = py(n.position.y);
    const shape = n.data.nodeKind === 'divergence'
      ? `<rect x="${(+cx - 9).toFixed(1)}" y="${(+cy - 9).toFixed(1)}" width="18" height="18" transform="rotate(45 ${cx} ${cy})" fill="${fill(n)}"/>`
      : `<circle cx="${cx}" cy="${cy}" r="${n.data.nodeKind === 'cluster' ? 11 : 8}" fill="${fill(n)}"/>`;
    const ts = n.data.eventId !== null ? tsOf.get(n.data.eventId) : undefined;
    const show = labelled(n);
    const time = show && ts !== undefined ? `<text x="${cx}" y="${(+cy - 13).toFixed(1)}" text-anchor="middle" fill="#666" font-size="9">${clock(toIso(ts))}</text>` : '';
    const label = show ? `<text x="${cx}" y="${(+cy + 22).toFixed(1)}" text-anchor="middle" fill="#111">${x(n.data.label)}</text>` : '';
    out.push(`<g${show ? '' : ' opacity="0.55"'}>${shape}${time}${label}<title>${x(n.data.label)}</title></g>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

export function toSvg(input: ExportInput, redaction: RedactionInfo): string {
  return `${graphSvg(input, redaction, true)}\n`;
}
