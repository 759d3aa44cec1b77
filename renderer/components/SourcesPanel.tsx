// Each imported file: format, counts, errors (click for the located list), time range, sha256.
import { useState } from 'react';
import { useAppState } from '../hooks/useAppState';
import { useQuery } from '../hooks/useQuery';
import { importErrors, listSources } from '../queries/sources';
import { Panel } from './Panel';
import { bytes, clock } from './format';

export function SourcesPanel() {
  const version = useAppState((s) => s.dataVersion);
  const { data } = useQuery((e) => listSources(e), [version]);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Panel title={`Sources (${data?.length ?? 0})`} testId="sources-panel" className="sources" flex="1 1 40%">
      <div className="body">
        <table>
          <thead>
            <tr>
              <th>File</th>
              <th>Format</th>
              <th>Events</th>
              <th>Errors</th>
            </tr>
          </thead>
          <tbody>
            {data?.map((s) => (
              <tr key={s.id} data-testid="source-row">
                <td className="path mono" title={`${s.path}\n${bytes(Number(s.size))}\nsha256 ${s.sha256}\n${clock(s.minTs)} – ${clock(s.maxTs)} UTC`}>
                  {s.path}
                  <div className="muted">{clock(s.minTs)} – {clock(s.maxTs)}</div>
                </td>
                <td>{s.format}</td>
                <td data-testid="source-events">{s.events.toLocaleString('en-US')}</td>
                <td>
                  {s.errors > 0 ? (
                    <button type="button" className="btn small" aria-expanded={open === s.id} onClick={() => setOpen(open === s.id ? null : s.id)}>
                      {s.errors}
                    </button>
                  ) : (
                    0
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {open !== null && <ErrorList sourceId={open} />}
      </div>
    </Panel>
  );
}

function ErrorList({ sourceId }: { sourceId: number }) {
  const { data } = useQuery((e) => importErrors(e, sourceId), [sourceId]);
  return (
    <ul className="mono" data-testid="import-errors" style={{ fontSize: 12, paddingLeft: 16 }}>
      {data?.map((r) => (
        <li key={`${r.line}:${r.reason}`}>
          line {r.line}: {r.reason}
        </li>
      ))}
    </ul>
  );
}
