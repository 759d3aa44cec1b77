// Each imported file: format, counts, errors (click for the located list), time range and how it was
// anchored, clock offset (editable), sha256; and clock skew between files, with the offset that fixes it.
import { Fragment, useState } from 'react';
import { useAppState } from '../hooks/useAppState';
import { useQuery } from '../hooks/useQuery';
import { importErrors, listSources } from '../queries/sources';
import { getSourcePlacements } from '../../shared/queries/sourceTiming';
import { describePlacement } from '../../shared/analysis/placement';
import { formatDuration } from '../../shared/model/duration';
import { useServices } from '../state/context';
import { applyClockOffset } from '../state/clockFlow';
import { Panel } from './Panel';
import { ClockEditor } from './sources/ClockEditor';
import { ClockSkewWarnings } from './sources/ClockSkewWarnings';
import { bytes, clock } from './format';

const NO_SKEW: never[] = [];

export function SourcesPanel() {
  const services = useServices();
  const version = useAppState((s) => s.dataVersion);
  const skews = useAppState((s) => s.analysis?.clock_skew ?? NO_SKEW);
  const { data } = useQuery((e) => listSources(e), [version]);
  const { data: placements } = useQuery((e) => getSourcePlacements(e), [version]);
  const [open, setOpen] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const apply = (sourceId: number, offsetNs: bigint) => applyClockOffset(services, sourceId, offsetNs);
  return (
    <Panel title={`Sources (${data?.length ?? 0})`} testId="sources-panel" className="sources" flex="1 1 40%">
      <div className="body">
        <ClockSkewWarnings skews={skews} sources={data ?? []} apply={apply} />
        <table>
          <thead>
            <tr>
              <th>File</th>
              <th>Format</th>
              <th>Events</th>
              <th>Errors</th>
              <th>Clock</th>
            </tr>
          </thead>
          <tbody>
            {data?.map((s) => {
              const placement = describePlacement(placements?.find((p) => p.sourceId === s.id), s.clockOffsetNs);
              const offset = formatDuration(s.clockOffsetNs);
              return (
                <Fragment key={s.id}>
                  <tr data-testid="source-row">
                    <td className="path mono" title={`${s.path}\n${bytes(Number(s.size))}\nsha256 ${s.sha256}\n${clock(s.minTs)} – ${clock(s.maxTs)} UTC\n${placement.note}`}>
                      {s.path}
                      <div className="muted" data-testid="source-range">{clock(s.minTs)} – {clock(s.maxTs)}</div>
                      <div className={placement.basis === 'no_times' && s.clockOffsetNs === 0n ? 'muted warn' : 'muted'} data-testid="source-anchoring">{placement.note}</div>
                    </td>
                    <td>{s.format}</td>
                    <td data-testid="source-events" title={recordsTitle(s)}>
                      {s.events.toLocaleString('en-US')}
                      {(s.derived > 0 || s.merged > 0) && <div className="muted" data-testid="source-records">{(s.events - s.derived + s.merged + s.errors).toLocaleString('en-US')} records</div>}
                    </td>
                    <td>
                      {s.errors > 0 ? (
                        <button type="button" className="btn small" aria-expanded={open === s.id} onClick={() => setOpen(open === s.id ? null : s.id)}>
                          {s.errors}
                        </button>
                      ) : (
                        0
                      )}
                    </td>
                    <td>
                      <button type="button" className="btn small mono offset" data-testid="source-offset" aria-expanded={editing === s.id}
                        aria-label={`Clock offset of ${s.path}: ${offset}. Edit`} title="Edit the clock offset" onClick={() => setEditing(editing === s.id ? null : s.id)}>
                        {offset}
                      </button>
                    </td>
                  </tr>
                  {editing === s.id && (
                    <tr>
                      <td colSpan={5}>
                        <ClockEditor source={s} placement={placement} apply={(ns) => apply(s.id, ns)} close={() => setEditing(null)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
        {open !== null && <ErrorList sourceId={open} />}
      </div>
    </Panel>
  );
}

/** Every record is an event, a merged duplicate or an error; some records give more than one event. */
function recordsTitle(s: { events: number; derived: number; merged: number; errors: number }): string {
  const lines = [`${s.events - s.derived + s.merged + s.errors} records → ${s.events} events`];
  if (s.derived) lines.push(`${s.derived} extra events from records that yield several (a tool span: its call and its result)`);
  if (s.merged) lines.push(`${s.merged} records merged into another (repeated stages of one request, continuation lines)`);
  if (s.errors) lines.push(`${s.errors} records could not be read`);
  return lines.join('\n');
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
