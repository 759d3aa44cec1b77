// Recent investigations on the empty state: what was opened, saved or imported lately, each with the action
// that brings it back (a browser needs the file picked again, so the entry names what to pick).
import { useState } from 'react';
import { openEvidence, openInvestigation } from '../actions';
import { useServices } from '../state/context';
import { bytes } from './format';

export function RecentList() {
  const services = useServices();
  const [items] = useState(() => services.host.recents.list());
  if (!items.length) return null;
  const browser = services.host.app.kind === 'browser';
  return (
    <section className="recents" aria-labelledby="recents-title" data-testid="recents">
      <h3 id="recents-title">Recent investigations</h3>
      <ul>
        {items.map((r) => {
          const when = new Date(r.at).toLocaleString();
          const what = r.kind === 'investigation' ? 'investigation' : 'evidence';
          return (
            <li key={`${r.kind}:${r.path}`} data-testid="recent-item">
              <span className="recent-name" title={r.path}>{r.name}</span>
              <span className="muted">
                {what} · {bytes(r.size)} · <time dateTime={r.at}>{when}</time>
              </span>
              <button
                type="button"
                className="btn small"
                aria-label={`Open ${r.name} again (${what})${browser ? ': pick the file' : ''}`}
                title={browser ? `Pick ${r.name} again to reopen it` : undefined}
                onClick={() => void (r.kind === 'investigation' ? openInvestigation : openEvidence).run(services)}
              >
                Open…
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
