// The selected event: its fields, and its raw record exactly as in the file, with file name and line.
import { useAppState } from '../hooks/useAppState';
import { useQuery } from '../hooks/useQuery';
import { eventDetail, type EventDetail } from '../queries/events';
import { Panel } from './Panel';
import { toIso } from '../../shared/model/time';
import { EventAnnotations } from './annotations/EventAnnotations';
import { ManualEventForm } from './annotations/ManualEventForm';

export function Inspector() {
  const id = useAppState((s) => s.selectedEventId);
  const version = useAppState((s) => s.dataVersion);
  const { data } = useQuery((e) => (id === null ? Promise.resolve(null) : eventDetail(e, id)), [id, version]);
  return (
    <Panel title="Inspector" testId="inspector" className="inspector" flex="1 1 100%">
      <div className="body" data-event-id={data?.id ?? ''}>
        {!data ? <p className="muted">Select an event in the timeline, the graph or a divergence to see its evidence.</p> : <Detail d={data} />}
        {data && <EventAnnotations eventId={data.id} />}
        <ManualEventForm />
      </div>
    </Panel>
  );
}

function Detail({ d }: { d: EventDetail }) {
  const fields: [string, string][] = [
    ['time', toIso(d.ts)],
    ['kind', d.kind],
    ['actor', d.actor ? `${d.actor} (${d.actorType})` : ''],
    ['service', d.service],
    ['resource', d.resource],
    ['action', d.action],
    ['severity', d.severity],
    ['message', d.message],
    ['trace', d.traceId],
    ['span', d.spanId ? `${d.spanId}${d.parentSpanId ? ` ← ${d.parentSpanId}` : ''}` : ''],
    ['call id', d.callId],
    ['event id', String(d.id)],
  ];
  return (
    <>
      <dl data-testid="event-fields">
        {fields
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <div className="raw-record" data-testid="raw-record">
        <div>
          <strong className="mono" data-testid="raw-source">
            {d.path ?? `source ${d.sourceId}`}:{d.sourceLine}
          </strong>
          {d.sourcePointer && <span className="muted mono"> {d.sourcePointer}</span>}
          {d.format && <span className="muted"> · {d.format}</span>}
        </div>
        {/* Evidence is text, never markup: React escapes it, and nothing here sets innerHTML. */}
        <pre tabIndex={0} aria-label={`Raw record from ${d.path ?? 'source'} line ${d.sourceLine}`}>{d.raw ?? '(no raw record kept for this event)'}</pre>
      </div>
      {d.attributes && d.attributes !== '{}' && (
        <details>
          <summary>Attributes</summary>
          <pre className="mono" style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{pretty(d.attributes)}</pre>
        </details>
      )}
    </>
  );
}

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
