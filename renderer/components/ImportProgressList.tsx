// One progress bar per file while importing: bytes, events per second, errors, and Cancel.
import { cancelImport } from '../actions';
import { useAppState } from '../hooks/useAppState';
import { ActionButton } from './ActionButton';
import type { FileProgress } from '../state/appState';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 2 : 0)} MB`;

function status(f: FileProgress): string {
  if (f.error) return f.cancelled ? 'cancelled' : `failed: ${f.error}`;
  const rate = f.elapsedMs > 0 ? Math.round((f.events * 1000) / f.elapsedMs) : 0;
  return `${f.events.toLocaleString('en-US')} events · ${rate.toLocaleString('en-US')}/s · ${f.errors} errors${f.done ? ' · done' : ''}`;
}

export function ImportProgressList() {
  const progress = useAppState((s) => s.progress);
  const phase = useAppState((s) => s.phase);
  if (phase !== 'importing' && phase !== 'analyzing') return null;
  return (
    <section className="progress-list" aria-label="Import progress" data-testid="import-progress">
      {progress.map((f) => (
        <div className="progress-item" key={f.path}>
          <span className="mono" title={f.path}>{f.path}</span>
          <progress max={f.totalBytes || 1} value={f.done ? f.totalBytes : f.bytesRead} aria-label={`Progress of ${f.path}`} />
          <span className="muted">
            {mb(f.done ? f.totalBytes : f.bytesRead)} / {mb(f.totalBytes)} · {status(f)}
          </span>
          <span />
        </div>
      ))}
      {phase === 'importing' ? <ActionButton action={cancelImport} testId="cancel-import" /> : <span className="muted">Analysing…</span>}
    </section>
  );
}
