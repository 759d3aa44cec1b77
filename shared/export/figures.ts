// Intervention and counterfactual figures: how long the agent kept going, and what an earlier stop
// or a fresh read would have changed. Computed from the analysis alone.
import type { AnalysisV1 } from '../analysis/types';
import { clock, duration, msBetween } from './format';

export interface Figure {
  label: string;
  value: string;
}

export function figures(a: AnalysisV1): Figure[] {
  const iv = a.intervention;
  const out: Figure[] = [];
  const add = (label: string, value: string | null) => { if (value !== null) out.push({ label, value }); };
  add('First divergent action', iv.first_divergence ? clock(iv.first_divergence) : null);
  add('First impact', iv.first_impact ? clock(iv.first_impact) : null);
  add('First alert', iv.first_alert ? clock(iv.first_alert) : null);
  add('Agent stopped', iv.stopped_at ? `${clock(iv.stopped_at)}${iv.stopped_by ? ` by ${iv.stopped_by}` : ''}${iv.how ? ` (${iv.how})` : ''}` : null);
  add('Agent kept acting after first impact for', iv.kept_acting_ms !== null ? duration(iv.kept_acting_ms) : null);
  add('Agent actions after first impact', String(iv.actions_after_first_impact));
  const alertToStop = msBetween(iv.first_alert, iv.stopped_at);
  add('From first alert to stop', alertToStop !== null ? duration(alertToStop) : null);

  // Counterfactuals: each states its assumption in the label, so a reader can disagree with it.
  const d = a.divergences.find((x) => x.kind === 'stale_context');
  if (d && d.actual.since) {
    const window = msBetween(d.actual.since, d.action.ts);
    if (window !== null && window >= 0) {
      add(`Had ${d.action.actor} re-read ${d.resource} in the ${duration(window)} before acting`, `it would have seen ${d.actual.fact} = ${d.actual.value ?? '?'} instead of ${d.believed.value ?? '?'}`);
    }
  }
  if (iv.first_alert && iv.stopped_at) {
    const later = a.actions.filter((x) => x.ts > iv.first_alert!).length;
    add('Had the agent been stopped at the first alert', `${duration(msBetween(iv.first_alert, iv.stopped_at))} earlier; ${later} agent action${later === 1 ? '' : 's'} would not have run`);
  }
  if (iv.first_impact && iv.stopped_at) {
    const later = a.actions.filter((x) => x.ts > iv.first_impact!).length;
    add('Had the agent been stopped at the first impact', `${duration(msBetween(iv.first_impact, iv.stopped_at))} earlier; ${later} agent action${later === 1 ? '' : 's'} would not have run`);
  }
  return out;
}
