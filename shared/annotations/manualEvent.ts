// An event no file recorded ("10:21 on-call decided to stop the agent"), added by an investigator.
import type { Db } from '../db/db';
import type { ActorType, Severity } from '../model/event';
import type { Nanos } from '../model/ids';
import { appendVersion } from './store';
import { MANUAL_SOURCE_ID } from './targets';
import type { AnnotationVersion, Stamp } from './types';

export interface ManualEventInput {
  ts: Nanos;
  message: string;
  actor?: string;
  actorType?: ActorType;
  resource?: string;
  action?: string;
  severity?: Severity;
}

/**
 * Inserts a normal `events` row (kind 'manual', the virtual manual source) so every view and the
 * analysis see it, and records who added it, when, as an annotation version.
 */
export async function addManualEvent(db: Db, input: ManualEventInput, stamp: Stamp): Promise<{ eventId: number; annotation: AnnotationVersion }> {
  const rows = await db.query<{ next: number | bigint }>('events.nextId', 'SELECT coalesce(max(id), 0) + 1 AS next FROM events');
  const eventId = Number(rows[0].next);
  await db.query(
    'events.insertManual',
    `INSERT INTO events (id, source_id, source_line, source_pointer, ts, end_ts, kind, actor, actor_type, service,
       resource, action, severity, message, trace_id, span_id, parent_span_id, call_id, attributes)
     VALUES (?, ?, 0, '', CAST(? AS BIGINT), NULL, 'manual', ?, ?, '', ?, ?, ?, ?, '', '', '', '', ?)`,
    // duckdb-wasm sends parameters as JSON, which has no bigint: the time travels as text.
    [eventId, MANUAL_SOURCE_ID, String(input.ts), input.actor ?? '', input.actorType ?? 'unknown', input.resource ?? '',
      input.action ?? '', input.severity ?? 'info', input.message, JSON.stringify({ added_by: stamp.author, added_at: stamp.at })],
  );
  const annotation = await appendVersion(db, {
    id: `manual-${eventId}`, kind: 'manual_event', targetType: 'event', targetId: String(eventId),
    bodyMd: input.message, tags: ['manual'], linkStatus: null, reason: '', role: null, value: '', deleted: false, ...stamp,
  });
  return { eventId, annotation };
}
