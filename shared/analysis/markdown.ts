// A Markdown summary of an analysis that a facilitator can paste into a postmortem draft.
import type { AnalysisV1, Evidence } from './types';

const cite = (ev: Evidence[]) => ev.map((e) => `\`${e.source}:${e.line}\``).join(', ');
const cell = (s: string | number | null) => String(s ?? '—').replaceAll('|', '\\|').replaceAll('\n', ' ');

export function analysisToMarkdown(a: AnalysisV1): string {
  const out: string[] = ['# Driftline analysis', ''];
  const iv = a.intervention;
  out.push('## Summary', '');
  if (!a.divergences.length) out.push('No divergence between the agent\'s context and production was found.', '');
  for (const d of a.divergences.filter((x) => x.kind === 'stale_context').slice(0, 3)) out.push(`- **${d.kind}** on \`${d.resource}\`: ${d.why}`);
  for (const c of a.classification) out.push(`- Classified **${c.class}** (confidence ${c.confidence.toFixed(2)}): ${c.rationale}`);
  out.push('');

  out.push('## Divergences', '');
  if (a.divergences.length) {
    out.push('| id | kind | resource | action at | believed | actual | changed by | staleness | confidence |', '|---|---|---|---|---|---|---|---|---|');
    for (const d of a.divergences) {
      const believed = d.believed.fact ? `${d.believed.fact} = ${d.believed.value ?? '?'} (${d.believed.observed_at ?? 'never observed'})` : '—';
      const actual = d.actual.fact ? `${d.actual.fact} = ${d.actual.value ?? '?'}${d.actual.since ? ` since ${d.actual.since}` : ''}` : '—';
      out.push(`| ${d.id} | ${d.kind} | \`${d.resource}\` | ${d.action.ts} | ${cell(believed)} | ${cell(actual)} | ${cell(d.actual.changed_by)} | ${d.staleness_ms === null ? '—' : `${d.staleness_ms} ms`} | ${d.confidence.toFixed(2)} |`);
    }
    out.push('');
    for (const d of a.divergences) {
      out.push(`- **${d.id}** ${d.why}`, `  - action: ${cite(d.action.evidence)}`);
      if (d.believed.evidence.length) out.push(`  - believed: ${cite(d.believed.evidence)}`);
      if (d.actual.evidence.length) out.push(`  - actual: ${cite(d.actual.evidence)}`);
    }
    out.push('');
  }

  out.push('## Agent actions', '');
  for (const x of a.actions) out.push(`- ${x.ts} **${x.actor}** ${x.verb} \`${x.resource}\` (${x.intent}): ${cite(x.evidence)}`);
  if (!a.actions.length) out.push('None recorded.');
  out.push('');

  out.push('## Intervention', '');
  out.push(`- First divergence: ${iv.first_divergence ?? '—'}`, `- First impact: ${iv.first_impact ?? '—'}`, `- First alert: ${iv.first_alert ?? '—'}`);
  out.push(`- Stopped: ${iv.stopped_at ?? 'not recorded'}${iv.stopped_by ? ` by ${iv.stopped_by}` : ''}${iv.how ? ` (${iv.how})` : ''}`);
  out.push(`- Agent actions after the first impact: ${iv.actions_after_first_impact}${iv.kept_acting_ms !== null ? `; it was stopped ${Math.round(iv.kept_acting_ms / 1000)} s after the first impact` : ''}`);
  for (const c of iv.counterfactual ?? []) out.push(`- Counterfactual (${c.if_stopped_at.replace('_', ' ')}): ${c.statement}`);
  out.push('');

  if (a.chain.most_probable_path.length) {
    const label = new Map(a.chain.nodes.map((n) => [n.id, `${n.label} (${n.ts.slice(11, 19)})`]));
    out.push('## Most probable causal path', '', a.chain.most_probable_path.map((id) => label.get(id) ?? id).join(' → '), '');
  }

  out.push('## Actors', '');
  for (const x of a.actors) out.push(`- **${x.name}**: ${x.type}: ${x.why}`);
  out.push('', '## Evidence files', '', '| file | format | events | errors | sha256 |', '|---|---|---|---|---|');
  for (const s of a.sources) out.push(`| \`${s.path}\` | ${s.format} | ${s.events} | ${s.errors} | \`${s.sha256.slice(0, 12)}…\` |`);
  out.push('');
  // Only sources with an anchoring or an offset are listed, so timed evidence reads as before.
  const placed = a.sources.filter((s) => s.anchoring || s.clock_offset_ms !== 0);
  for (const s of placed) out.push(`- \`${s.path}\`: ${s.anchoring?.note ?? 'times from the file'}${s.clock_offset_ms ? `; clock offset ${s.clock_offset_ms} ms` : ''}`);
  if (placed.length) out.push('');
  if (a.clock_skew?.length) {
    out.push('## Clock skew', '', '| file | relative to | suggested shift | pairs out of place | example |', '|---|---|---|---|---|');
    for (const k of a.clock_skew) {
      out.push(`| \`${k.source}\` | \`${k.relative_to}\` | ${k.shift_ms > 0 ? '+' : ''}${k.shift_ms} ms${k.consistent ? '' : ' (clocks drift)'} | ${k.evidence_pairs} of ${k.checked_pairs} | ${cite([k.example.source, k.example.relative_to])} |`);
    }
    out.push('', ...a.clock_skew.map((k) => `- ${k.why}`), '');
  }
  return out.join('\n');
}
