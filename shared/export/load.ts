// Fills an ExportInput from an investigation Db: sources, the timeline, raw records of cited events
// and the annotations.
import type { AnalysisV1 } from '../analysis/types';
import { allVersions, current } from '../annotations/store';
import type { Db } from '../db/db';
import type { ActorType, EventKind, EventRow, Severity } from '../model/event';
import { eventId, nanos, resourceKey, sourceId } from '../model/ids';
import type { ExportInput, ExportSource } from './input';

export interface LoadOptions {
  generatedAt: string;
  /** Every event (CSV, Timesketch) or only those the analysis cites, manual ones and annotated ones (documents). */
  timeline: 'all' | 'cited';
  investigation?: ExportInput['investigation'];
}

type EventSql = Record<string, unknown> & {
  id: number; source_id: number; source_line: number; source_pointer: string | null; ts: bigint; end_ts: bigint | null;
  kind: string; actor: string | null; actor_type: string | null; service: string | null; resource: string | null; action: string | null;
  severity: string | null; message: string | null; trace_id: string | null; span_id: string | null; parent_span_id: string | null;
  call_id: string | null; attributes: string | null;
};

const toEvent = (r: EventSql): EventRow => ({
  id: eventId(Number(r.id)), sourceId: sourceId(Number(r.source_id)), sourceLine: Number(r.source_line ?? 0), sourcePointer: r.source_pointer ?? '',
  ts: nanos(BigInt(r.ts ?? 0)), endTs: r.end_ts === null ? null : nanos(BigInt(r.end_ts)), kind: r.kind as EventKind,
  actor: r.actor ?? '', actorType: (r.actor_type ?? 'unknown') as ActorType, service: r.service ?? '', resource: resourceKey(r.resource ?? ''),
  action: r.action ?? '', severity: (r.severity ?? 'info') as Severity, message: r.message ?? '', traceId: r.trace_id ?? '', spanId: r.span_id ?? '',
  parentSpanId: r.parent_span_id ?? '', callId: r.call_id ?? '', attributes: r.attributes ?? '{}',
});

/** Event ids an analysis cites anywhere (evidence, chain nodes, actions). */
export function citedEventIds(a: AnalysisV1): Set<number> {
  const ids = new Set<number>();
  JSON.stringify(a, (key, value) => {
    if ((key === 'event_id') && typeof value === 'number') ids.add(value);
    return value;
  });
  return ids;
}

export async function loadExportInput(db: Db, analysis: AnalysisV1, opts: LoadOptions): Promise<ExportInput> {
  const annotations = await current(db);
  const history = await allVersions(db);
  const cited = citedEventIds(analysis);
  for (const a of annotations) if (a.targetType === 'event' && /^\d+$/.test(a.targetId)) cited.add(Number(a.targetId));
  const idList = [...cited].filter(Number.isInteger).join(',') || '-1';
  const where = opts.timeline === 'all' ? '' : `WHERE id IN (${idList}) OR kind = 'manual'`;
  const events = (await db.query<EventSql>('export.events', `SELECT * FROM events ${where} ORDER BY ts, id`)).map(toEvent);
  const raw = await db.query<{ event_id: number; raw: string }>('export.raw', `SELECT event_id, raw FROM raw_records WHERE event_id IN (${idList}) ORDER BY event_id`);
  const sources = await db.query<Record<string, unknown>>('export.sources', 'SELECT id, path, sha256, size, format, events FROM sources ORDER BY id');
  return {
    analysis,
    sources: sources.map((s): ExportSource => ({
      id: Number(s.id), path: String(s.path ?? ''), sha256: String(s.sha256 ?? ''), size: Number(s.size ?? 0), format: String(s.format ?? ''), events: Number(s.events ?? 0),
    })),
    events,
    annotations,
    history,
    raw: raw.map((r) => ({ eventId: Number(r.event_id), raw: r.raw })),
    generatedAt: opts.generatedAt,
    investigation: opts.investigation ?? null,
  };
}
