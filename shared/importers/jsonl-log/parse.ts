// One JSON log line → one 'log' event; fields we do not map stay in attributes.
import type { ParsedEvent } from '../../model/event';
import type { Nanos } from '../../model/ids';
import type { RecordParser } from '../types';
import { isObject, setKey, parseJsonObject, safeStringify, str, type JsonObject } from '../common/json';
import { lineParser } from '../common/output';
import { anyTimeToNanos } from '../common/time';
import { normaliseLevel } from '../common/level';
import { LEVEL_KEYS, MESSAGE_KEYS, SERVICE_KEYS, SPAN_KEYS, TIME_KEYS, TRACE_KEYS } from './keys';

const MAPPED = new Set([...TIME_KEYS, ...LEVEL_KEYS, ...MESSAGE_KEYS, ...SERVICE_KEYS, ...TRACE_KEYS, ...SPAN_KEYS]);

function first(o: JsonObject, keys: readonly string[]): unknown {
  for (const k of keys) {
    const v = o[k];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

function serviceOf(o: JsonObject): string {
  const v = first(o, SERVICE_KEYS);
  if (isObject(v)) return str(v.name);
  if (v !== undefined) return str(v);
  // bunyan puts the logger (application) name in `name`, next to its version field `v`.
  return o.v !== undefined && o.hostname !== undefined ? str(o.name) : '';
}

/** A flat log record (from JSON, logfmt or a CSV row) → a 'log' event, or the reason it cannot be one. */
export function logObjectToEvent(o: JsonObject, line: number, raw: string): ParsedEvent | string {
  const tv = first(o, TIME_KEYS);
  const ts = anyTimeToNanos(tv);
  if (ts === undefined) return tv === undefined ? `no timestamp (looked for ${TIME_KEYS.join(', ')})` : `unreadable timestamp ${safeStringify(tv).slice(0, 80)}`;
  const m = first(o, MESSAGE_KEYS);
  const service = serviceOf(o);
  let rest: JsonObject | undefined;
  for (const k in o) {
    if (MAPPED.has(k)) continue;
    rest ??= {};
    setKey(rest, k, o[k]);
  }
  return {
    sourceLine: line, sourcePointer: '', ts: ts as Nanos, endTs: null, kind: 'log',
    actor: service, actorType: service ? 'system' : 'unknown', service, resource: '', action: '',
    severity: normaliseLevel(first(o, LEVEL_KEYS)) ?? 'info',
    message: m === undefined ? '' : typeof m === 'string' ? m : safeStringify(m),
    traceId: str(first(o, TRACE_KEYS)).toLowerCase(), spanId: str(first(o, SPAN_KEYS)).toLowerCase(), parentSpanId: '', callId: '',
    attributes: rest ? safeStringify(rest) : '{}', raw,
  };
}

export function createJsonlLogParser(): RecordParser {
  return lineParser((text, line, out) => {
    const o = parseJsonObject(text);
    if (typeof o === 'string') return out.error(line, o);
    const ev = logObjectToEvent(o, line, text);
    if (typeof ev === 'string') out.error(line, ev);
    else out.events.push(ev);
  });
}
