// Timesketch-compatible JSON lines: the fields Timesketch requires (message, datetime, timestamp_desc)
// plus timestamp in microseconds and the event's fields, so a team can carry the timeline over.
import { foldAnnotations, targetKey } from '../annotations/state';
import type { ExportInput, RedactionInfo } from './input';

const DESC: Record<string, string> = {
  log: 'Log Entry', span: 'Span Start', audit: 'API Request', k8s_event: 'Kubernetes Event', alert: 'Alert',
  agent_run: 'Agent Run Start', tool_call: 'Tool Call', tool_result: 'Tool Result', agent_message: 'Agent Message',
  user_message: 'User Message', manual: 'Added by Investigator',
};

/** ISO 8601 with microseconds and an explicit offset, the form Timesketch's importer reads. */
function datetime(ns: bigint): string {
  const us = ns / 1000n;
  const base = new Date(Number(us / 1000n)).toISOString().slice(0, 19);
  return `${base}.${String(((us % 1_000_000n) + 1_000_000n) % 1_000_000n).padStart(6, '0')}+00:00`;
}

export function toTimesketch(input: ExportInput, redaction: RedactionInfo): string {
  const state = foldAnnotations(input.annotations);
  const paths = new Map(input.sources.map((s) => [s.id, s.path]));
  let out = '';
  for (const e of input.events) {
    const key = targetKey('event', String(e.id));
    const line = {
      message: e.message || `${e.action} ${e.resource}`.trim() || e.kind,
      datetime: datetime(e.ts),
      timestamp: Number(e.ts / 1000n),
      timestamp_desc: DESC[e.kind] ?? 'Event Time',
      data_type: `driftline:${e.kind}`,
      driftline_event_id: Number(e.id),
      kind: e.kind,
      actor: e.actor,
      actor_type: e.actorType,
      service: e.service,
      resource: e.resource,
      action: e.action,
      severity: e.severity,
      source_file: e.kind === 'manual' ? 'manual' : paths.get(e.sourceId) ?? '',
      source_line: e.sourceLine,
      source_pointer: e.sourcePointer,
      trace_id: e.traceId,
      call_id: e.callId,
      notes: (state.notes.get(key) ?? []).map((n) => n.bodyMd),
      role: state.roles.get(key)?.role ?? '',
      // Timesketch's own tag list: the investigators' tags come over as tags there.
      tag: [...new Set([...(e.kind === 'manual' ? ['manual'] : []), ...(state.notes.get(key) ?? []).flatMap((n) => n.tags)])],
      redaction_profile: redaction.profile,
    };
    out += `${JSON.stringify(line)}\n`;
  }
  return out;
}
