// One divergence as a person reads it: the action, what the agent believed, what was true, who changed it, the gap.
import type { Divergence } from '../../shared/analysis/types';
import { useAppState } from '../hooks/useAppState';
import { useServices } from '../state/context';
import { EvidenceLink } from './EvidenceLink';
import { duration, isoClock } from './format';
import { DivergenceAnnotations } from './annotations/DivergenceAnnotations';

export function DivergenceCard({ d }: { d: Divergence }) {
  const { store } = useServices();
  const selected = useAppState((s) => s.selectedDivergenceId === d.id);
  const select = () => store.set({ selectedDivergenceId: d.id, selectedEventId: d.action.event_id });
  return (
    // The whole card is a click target for the mouse; the heading's button is the keyboard's way in,
    // so the evidence links inside are not nested in another interactive element.
    <article
      className={`divergence${selected ? ' selected' : ''}`}
      data-testid="divergence"
      data-kind={d.kind}
      aria-current={selected || undefined}
      aria-label={`${d.kind.replace(/_/g, ' ')} on ${d.resource}`}
      onClick={select}
    >
      <h3>
        <button type="button" className="title-button" data-testid="divergence-select" onClick={(e) => {
            e.stopPropagation();
            select();
          }}>
          {d.kind.replace(/_/g, ' ')} · <span className="mono">{d.resource}</span>
        </button>
      </h3>
      <p style={{ margin: '0 0 6px' }}>
        At <strong>{isoClock(d.action.ts)}</strong> {d.action.actor} did <span className="mono">{d.action.intent}</span>{' '}
        {d.action.evidence.map((ev) => <EvidenceLink key={`${ev.source}:${ev.line}`} ev={ev} />)}
      </p>
      <div className="versus">
        <div className="believed" data-testid="believed">
          <div className="label">Agent believed</div>
          <div className="mono">{d.believed.fact}</div>
          <div className="value">{d.believed.value ?? 'never looked'}</div>
          <div>observed {isoClock(d.believed.observed_at)}</div>
          {d.believed.evidence.map((ev) => <EvidenceLink key={`${ev.source}:${ev.line}`} ev={ev} />)}
        </div>
        <div className="actual" data-testid="actual">
          <div className="label">Production was</div>
          <div className="mono">{d.actual.fact}</div>
          <div className="value">{d.actual.value ?? 'unknown'}</div>
          <div>since {isoClock(d.actual.since)}</div>
          {d.actual.changed_by && <div>changed by <strong data-testid="changed-by">{d.actual.changed_by}</strong></div>}
          {d.actual.evidence.map((ev) => <EvidenceLink key={`${ev.source}:${ev.line}`} ev={ev} />)}
        </div>
      </div>
      <p style={{ margin: '6px 0 0' }}>
        Context was <strong data-testid="staleness">{duration(d.staleness_ms)}</strong> stale · confidence {Math.round(d.confidence * 100)}%
      </p>
      <p className="muted" style={{ margin: '4px 0 0' }}>{d.why}</p>
      <DivergenceAnnotations id={d.id} />
    </article>
  );
}
