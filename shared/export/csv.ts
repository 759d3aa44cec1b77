// The timeline as RFC 4180 CSV (CRLF line ends, quoted where needed), one row per event, with the
// evidence location and the investigators' notes and roles on that event.
import { foldAnnotations, targetKey } from '../annotations/state';
import { toIso } from '../model/time';
import { csvField } from './escape';
import type { ExportInput, RedactionInfo } from './input';

export const CSV_COLUMNS = [
  'time', 'ts_ns', 'event_id', 'kind', 'actor', 'actor_type', 'service', 'resource', 'action', 'severity', 'message',
  'source', 'line', 'pointer', 'notes', 'tags', 'role', 'redaction_profile',
] as const;

export function toCsv(input: ExportInput, redaction: RedactionInfo): string {
  const state = foldAnnotations(input.annotations);
  const paths = new Map(input.sources.map((s) => [s.id, s.path]));
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of input.events) {
    const key = targetKey('event', String(e.id));
    const list = state.notes.get(key) ?? [];
    const notes = list.map((n) => `${n.author}: ${n.bodyMd}`).join(' | ');
    const tags = [...new Set(list.flatMap((n) => n.tags))].join(' ');
    const source = e.kind === 'manual' ? 'manual' : paths.get(e.sourceId) ?? `source ${e.sourceId}`;
    const cells = [
      toIso(e.ts), e.ts, e.id, e.kind, e.actor, e.actorType, e.service, e.resource, e.action, e.severity, e.message,
      source, e.sourceLine, e.sourcePointer, notes, tags, state.roles.get(key)?.role ?? '', redaction.profile,
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
