// Recent investigations on the empty state. In the desktop app the list is the main process's and one click
// reopens the file (evidence is imported again); a file that moved says so, with Locate… and Remove from list.
// A browser cannot reopen a file by itself, so there Open… asks for the same file again, and the list says so.
import { useCallback, useEffect, useState } from 'react';
import type { RecentEntry } from '../../shared/ipc/host';
import { openEvidence, openInvestigation } from '../actions';
import { openRecent } from '../actions/openRecent';
import { useServices } from '../state/context';
import { bytes } from './format';

/** Why an entry cannot open, in words, with what to do next. */
export function missingText(entry: Pick<RecentEntry, 'name' | 'paths' | 'missing'>): string {
  const missing = entry.missing ?? [];
  const where =
    entry.paths.length === 1
      ? `it is no longer at ${missing[0]}`
      : `${missing.length} of its ${entry.paths.length} files and folders are gone (${missing.join(', ')})`;
  return `${entry.name} was moved or deleted: ${where}. Locate… it where it is now, or remove it from the list.`;
}

export function RecentList() {
  const services = useServices();
  const { recent, app } = services.host;
  const browser = app.kind === 'browser';
  const [items, setItems] = useState<RecentEntry[] | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);

  const refresh = useCallback(() => recent.list().then(setItems, () => setItems([])), [recent]);
  useEffect(() => void refresh(), [refresh]);

  // One thing at a time: a second click while a file opens would start a second load.
  const run = async (id: string, work: () => Promise<string | null | undefined>) => {
    setBusy(id);
    try {
      const problem = await work();
      setProblems((p) => {
        const { [id]: _old, ...rest } = p;
        return problem ? { ...rest, [id]: problem } : rest;
      });
    } catch (e) {
      setProblems((p) => ({ ...p, [id]: (e as Error).message }));
    } finally {
      setBusy(null);
      await refresh();
    }
  };

  const open = (r: RecentEntry) =>
    run(r.id, async () => {
      if (browser) return void (await (r.kind === 'investigation' ? openInvestigation : openEvidence).run(services));
      const failure = await openRecent(services, r.id);
      // A moved file is described by the refreshed entry itself; other failures keep their own words here.
      return failure && !failure.missing ? failure.message : null;
    });
  const locate = (r: RecentEntry) =>
    run(r.id, async () => {
      if (!(await recent.locate(r.id))) return null;
      const failure = await openRecent(services, r.id);
      return failure?.message;
    });
  const remove = (r: RecentEntry) => run(r.id, async () => void (await recent.remove(r.id)));

  if (!items?.length) return null;
  return (
    <section className="recents" aria-labelledby="recents-title" data-testid="recents">
      <h3 id="recents-title">Recent investigations</h3>
      {browser && (
        <p className="muted" data-testid="recents-note">
          A browser cannot reopen files by itself: Open… asks you to pick the same file again. The desktop app reopens them in one click.
        </p>
      )}
      <ul>
        {items.map((r) => {
          const what = r.kind === 'investigation' ? 'investigation' : 'evidence';
          const gone = !!r.missing?.length;
          const problem = gone ? missingText(r) : problems[r.id];
          const disabled = busy !== null;
          return (
            <li key={r.id} data-testid="recent-item" data-missing={gone || undefined}>
              <span className="recent-name" title={r.paths.join('\n')}>
                {r.name}
              </span>
              <span className="muted">
                {what}
                {r.size !== undefined && ` · ${bytes(r.size)}`} · <time dateTime={r.at}>{new Date(r.at).toLocaleString()}</time>
              </span>
              {gone ? (
                <span />
              ) : (
                <span className="recent-actions">
                  {browser ? (
                    <button
                      type="button"
                      className="btn small"
                      disabled={disabled}
                      aria-label={`Open ${r.name} again (${what}): pick the file`}
                      title={`Pick ${r.name} again to reopen it`}
                      onClick={() => void open(r)}
                    >
                      Open…
                    </button>
                  ) : (
                    <button type="button" className="btn small" disabled={disabled} aria-label={`Open ${r.name} (${what})`} onClick={() => void open(r)}>
                      {busy === r.id ? 'Opening…' : 'Open'}
                    </button>
                  )}
                  <button type="button" className="btn small" disabled={disabled} aria-label={`Remove ${r.name} from the list`} onClick={() => void remove(r)}>
                    Remove
                  </button>
                </span>
              )}
              {problem && (
                <div className="recent-problem" data-testid="recent-problem">
                  <span role="status">{problem}</span>
                  {gone && (
                    <span className="recent-actions">
                      <button type="button" className="btn small" disabled={disabled} aria-label={`Locate ${r.name}`} onClick={() => void locate(r)}>
                        Locate…
                      </button>
                      <button type="button" className="btn small" disabled={disabled} aria-label={`Remove ${r.name} from the list`} onClick={() => void remove(r)}>
                        Remove from list
                      </button>
                    </span>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
