// Presentation mode as data: a title, one slide per step of the confirmed chain (with the time window
// and events the graph and timeline zoom to, and speaker notes from annotations), and a closing slide.
// The renderer only lays these out; it works from a saved investigation without the evidence files.
import { originalLine, overrideLine, targetKey } from '../annotations/state';
import { redactInput } from '../redaction/redact';
import { citation, clock } from './format';
import type { ExportInput, RedactionInfo } from './input';
import { buildReport, targetLabel, type ChainStep } from './report';

export interface Slide {
  kind: 'title' | 'step' | 'closing';
  title: string;
  /** Large-type lines for the audience. */
  body: string[];
  /** For the presenter only: annotations and verdicts on what this slide shows. */
  notes: string[];
  /** What the graph and timeline zoom to, in sync; null on slides about the whole incident. */
  focus: { from: string; to: string; eventIds: number[]; nodeIds: string[]; linkId: string } | null;
  evidence: string[];
}

export interface Presentation {
  slides: Slide[];
  redaction: RedactionInfo;
  /** True when no link is confirmed yet and the proposed chain is shown instead. */
  proposedOnly: boolean;
}

export function buildPresentation(raw: ExportInput, profile = 'none'): Presentation {
  const { input, info } = redactInput(raw, profile);
  const r = buildReport(input);
  const confirmed = r.steps.filter((s) => s.status === 'confirmed');
  const steps = confirmed.length ? confirmed : r.steps;
  const slides: Slide[] = [{
    kind: 'title',
    title: `${r.classification.cls.replace(/_/g, ' ')} incident`,
    body: [r.summary],
    notes: [`Redaction: ${info.profile}.`, `${r.confirmedCount} of ${r.steps.length} causal links confirmed.`],
    focus: null,
    evidence: [],
  }];
  steps.forEach((s, i) => slides.push(stepSlide(s, i, steps.length, input, r.state.notes)));
  const c = r.classification;
  slides.push({
    kind: 'closing',
    title: `Classification: ${c.cls.replace(/_/g, ' ')}`,
    body: [overrideLine(c) ?? c.rationale, ...r.figures.map((f) => `${f.label}: ${f.value}`)],
    notes: [
      ...(c.overriddenBy ? [`The analysis said: ${originalLine(c) ?? 'no classification'}.`] : []),
      ...r.factors.map((f) => `${f.role === 'root_cause' ? 'Root cause' : 'Contributing'}: ${targetLabel(f.target, input)}${f.reason ? `: ${f.reason}` : ''}`),
    ],
    focus: null,
    evidence: [],
  });
  return { slides, redaction: info, proposedOnly: !confirmed.length && r.steps.length > 0 };
}

function stepSlide(s: ChainStep, i: number, n: number, input: ExportInput, notes: Map<string, { bodyMd: string; author: string; tags: string[] }[]>): Slide {
  const eventIds = [s.from.event_id, s.to.event_id].filter((x): x is number => x !== null);
  const divergences = input.analysis.divergences.filter((d) => eventIds.includes(d.action.event_id) || d.believed.evidence.some((e) => eventIds.includes(e.event_id)));
  const keys = [targetKey('link', s.id), ...eventIds.map((id) => targetKey('event', String(id))), ...divergences.map((d) => targetKey('divergence', d.id))];
  const speaker = keys.flatMap((k) => (notes.get(k) ?? []).map((note) => `${note.bodyMd}${note.tags.length ? ` [${note.tags.join(', ')}]` : ''} (${note.author})`));
  if (s.reason) speaker.unshift(`Link ${s.status}: ${s.reason}`);
  return {
    kind: 'step',
    title: `${i + 1}/${n} ${clock(s.to.ts)}: ${s.to.label}`,
    body: [`${s.from.label} → ${s.to.label}`, `${s.edge.kind.replace(/_/g, ' ')}: ${s.edge.why}`, ...divergences.map((d) => d.why)],
    notes: speaker,
    focus: { from: s.from.ts < s.to.ts ? s.from.ts : s.to.ts, to: s.from.ts < s.to.ts ? s.to.ts : s.from.ts, eventIds, nodeIds: [s.from.id, s.to.id], linkId: s.id },
    evidence: s.edge.evidence.map(citation),
  };
}
