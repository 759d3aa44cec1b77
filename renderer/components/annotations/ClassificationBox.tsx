// The incident's classification, as the analysis proposed it or as an investigator overrode it (with a
// rationale); the analysis' own stays visible beside an override, and every change is in the history.
import { useState } from 'react';
import type { AnalysisV1, FailureClass } from '../../../shared/analysis/types';
import { FAILURE_CLASSES, effectiveClassification, foldAnnotations, originalLine } from '../../../shared/annotations';
import { useServices } from '../../state/context';
import { AuthorBar } from './AuthorBar';
import { HistoryList } from './HistoryList';
import { historyOf } from './logic';
import { useAnnotations, writeAnnotation } from './useAnnotations';

const words = (cls: string) => cls.replace(/_/g, ' ');

export function ClassificationBox({ analysis }: { analysis: AnalysisV1 }) {
  const { current, history } = useAnnotations();
  const [editing, setEditing] = useState(false);
  const c = effectiveClassification(analysis.classification, foldAnnotations(current));
  const versions = historyOf(history, 'classification');
  return (
    <section className="classification" aria-label="Classification">
      <p data-testid="classification" data-class={c.cls} data-overridden={c.overriddenBy ? 'true' : 'false'}>
        <strong>{words(c.cls)}</strong>{' '}
        {c.overriddenBy ? (
          <span className="annotation-text" data-testid="classification-override-text">— overridden by {c.overriddenBy}: {c.rationale}</span>
        ) : (
          <>{c.confidence !== null && <span className="muted">({Math.round(c.confidence * 100)}%)</span>} — {c.rationale}</>
        )}
      </p>
      {c.overriddenBy && (
        <p className="muted" data-testid="classification-original">The analysis said: {originalLine(c) ?? 'no classification'}</p>
      )}
      {editing ? (
        <OverrideForm initial={c.overriddenBy ? (c.cls as FailureClass) : null} onDone={() => setEditing(false)} />
      ) : (
        <p>
          <button type="button" className="btn small" data-testid="classification-override" onClick={() => setEditing(true)}>
            {c.overriddenBy ? 'Change override…' : 'Override classification…'}
          </button>{' '}
          {c.overriddenBy && <RevertButton />}
        </p>
      )}
      <HistoryList versions={versions} />
    </section>
  );
}

function OverrideForm({ initial, onDone }: { initial: FailureClass | null; onDone: () => void }) {
  const services = useServices();
  const [cls, setCls] = useState<FailureClass>(initial ?? FAILURE_CLASSES[0]);
  const [rationale, setRationale] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!rationale.trim()) return setError('Say why: an override needs a rationale, which every export shows next to the analysis\' classification.');
    if (await writeAnnotation(services, { verb: 'overrideClassification', cls, rationale: rationale.trim() })) onDone();
  };
  return (
    <form className="override-form" data-testid="classification-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <AuthorBar />
      <label>
        Classification{' '}
        <select data-testid="classification-select" value={cls} onChange={(e) => setCls(e.target.value as FailureClass)}>
          {FAILURE_CLASSES.map((f) => <option key={f} value={f}>{words(f)}</option>)}
        </select>
      </label>
      <label>
        Rationale
        <textarea data-testid="classification-rationale" rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} placeholder="Why the analysis' classification is not the right one" />
      </label>
      <button type="submit" className="btn" data-testid="classification-save">Override</button>{' '}
      <button type="button" className="btn" onClick={onDone}>Cancel</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

function RevertButton() {
  const services = useServices();
  return (
    <button type="button" className="btn small" data-testid="classification-revert" onClick={() => void writeAnnotation(services, { verb: 'clearClassificationOverride' })}>
      Back to the analysis' classification
    </button>
  );
}
