// First screen: what Driftline needs, the three ways to give it (pick, sample, drop), and recent work.
import { openEvidence, openSample } from '../actions';
import { useAppState } from '../hooks/useAppState';
import { useServices } from '../state/context';
import { ActionButton } from './ActionButton';
import { RecentList } from './RecentList';

export function EmptyState() {
  const { host } = useServices();
  const starting = useAppState((s) => s.phase === 'starting');
  return (
    <section className="empty" aria-label="Start an investigation">
      <div className="card" data-testid="drop-zone">
        <h2>Investigate an agent incident</h2>
        <p>
          Drop logs, Kubernetes audit logs and agent traces (OTLP JSON) anywhere on this window, or open them. Everything
          stays on this machine.
        </p>
        <div className="actions">
          <ActionButton action={openEvidence} primary />
          {host.app.kind === 'browser' && (
            <button type="button" className="btn" data-testid="open-folder" onClick={() => document.querySelector<HTMLInputElement>('[data-testid="folder-input"]')?.click()}>
              Open folder…
            </button>
          )}
          <ActionButton action={openSample} testId="open-sample" />
        </div>
        <p className="muted">{starting ? 'Starting the database engine…' : 'The sample is an AI agent that scaled down production using numbers it had read seven minutes earlier.'}</p>
        <RecentList />
      </div>
    </section>
  );
}
