// Azure Activity Log records, one JSON object per line, in REST camelCase or SDK-export snake_case.
import type { ParsedEvent, Severity } from '../../model/event';
import type { Nanos } from '../../model/ids';
import { resourceKey } from '../../model/ids';
import type { Importer } from '../types';
import { headLines, isObject, parseJsonObject, str, type JsonObject } from '../common/json';
import { lineParser } from '../common/output';
import { anyTimeToNanos } from '../common/time';

export function detectAzureActivity(head: string): number {
  const lines = headLines(head, 10);
  const hits = lines.filter((l) => /"(operation_name|operationName)"\s*:/.test(l) && /"(resource_id|resourceId)"\s*:/.test(l) && /"(event_timestamp|eventTimestamp)"\s*:/.test(l)).length;
  return lines.length && hits / lines.length >= 0.5 ? 0.9 : 0;
}

const value = (v: unknown) => (isObject(v) ? str(v.value) : str(v));
const pick = (o: JsonObject, ...keys: string[]) => keys.map((k) => o[k]).find((v) => v !== undefined && v !== null && v !== '');

const SEVERITY: Record<string, Severity> = { informational: 'info', verbose: 'debug', warning: 'warn', error: 'error', critical: 'fatal' };

export const azureActivity: Importer = {
  id: 'azure-activity',
  label: 'Azure Activity Log',
  version: 1,
  mode: 'lines',
  detect: (head) => detectAzureActivity(head),
  createParser: () =>
    lineParser((text, line, out) => {
      const o = parseJsonObject(text);
      if (typeof o === 'string') return out.error(line, o);
      const ts = anyTimeToNanos(pick(o, 'event_timestamp', 'eventTimestamp', 'time'));
      if (ts === undefined) return out.error(line, 'Azure activity record without event_timestamp');
      const op = value(pick(o, 'operation_name', 'operationName'));
      const status = value(o.status);
      const caller = str(o.caller);
      const rid = str(pick(o, 'resource_id', 'resourceId'));
      const level = SEVERITY[value(o.level).toLowerCase()] ?? 'info';
      const ev: ParsedEvent = {
        sourceLine: line, sourcePointer: '', ts: ts as Nanos, endTs: null, kind: 'audit', actor: caller,
        // A caller with an @ is a person; a GUID is an application (service principal or managed identity).
        actorType: caller.includes('@') ? 'human' : caller ? 'system' : 'unknown',
        service: value(pick(o, 'resource_provider_name', 'resourceProviderName')), resource: rid ? resourceKey(`azure:${rid.toLowerCase()}`) : '',
        action: op.split('/').pop()?.toLowerCase() ?? '', severity: status.toLowerCase() === 'failed' && level === 'info' ? 'error' : level,
        message: `${caller || 'unknown'} ${op}${status ? ` → ${status}` : ''}`,
        traceId: '', spanId: '', parentSpanId: '', callId: '',
        attributes: JSON.stringify({ operationName: op, status, eventName: value(pick(o, 'event_name', 'eventName')), correlationId: pick(o, 'correlation_id', 'correlationId'), operationId: pick(o, 'operation_id', 'operationId'), category: value(o.category) }),
        raw: text,
      };
      out.events.push(ev);
    }),
};
