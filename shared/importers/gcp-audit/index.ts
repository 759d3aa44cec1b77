// Google Cloud Audit Logs as Cloud Logging exports them: LogEntry JSON lines (read line by line, so a large
// export is never held whole), a JSON array (`gcloud logging read --format=json`) or an entries.list
// response `{"entries": [...]}`.
import type { Importer } from '../types';
import { isObject, safeStringify, type JsonObject } from '../common/json';
import type { OutputBuffer } from '../common/output';
import { jsonLinesOrDocumentParser } from '../common/jsonLinesOrDocument';
import { SpanLocator } from '../otlp/locate';
import { logEntryToEvent } from './toEvent';

export function detectGcpAudit(head: string): number {
  if (/"@type"\s*:\s*"type\.googleapis\.com\/google\.cloud\.audit\.AuditLog"/.test(head)) return 0.95;
  if (/"logName"\s*:\s*"[^"]*cloudaudit\.googleapis\.com/.test(head)) return 0.9;
  return 0;
}

function entries(list: unknown[], text: string, base: number, prefix: string, out: OutputBuffer): void {
  const locator = new SpanLocator(text, base, 'insertId');
  list.forEach((e, i) => {
    const pointer = `${prefix}/${i}`;
    if (!isObject(e)) return out.error(base, `${pointer} is not a log entry object`);
    const line = (e.insertId === undefined ? undefined : locator.lineOf(String(e.insertId))) ?? base;
    const ev = logEntryToEvent(e, line, pointer, safeStringify(e));
    if (typeof ev === 'string') out.error(line, `${pointer}: ${ev}`);
    else out.events.push(ev);
  });
}

/** One object: a log entry, or an entries.list response holding many. */
function one(e: JsonObject, line: number, raw: string, out: OutputBuffer): void {
  if (Array.isArray(e.entries)) return entries(e.entries, raw, line, '/entries', out);
  const ev = logEntryToEvent(e, line, '', raw);
  if (typeof ev === 'string') out.error(line, ev);
  else out.events.push(ev);
}

export const gcpAudit: Importer = {
  id: 'gcp-audit',
  label: 'Google Cloud Audit Logs',
  version: 1,
  mode: 'lines',
  detect: (head) => detectGcpAudit(head),
  createParser: () =>
    jsonLinesOrDocumentParser({
      label: 'Cloud Logging export',
      line: (o, text, line, out) => one(o, line, text, out),
      document(doc, text, out) {
        if (Array.isArray(doc)) entries(doc, text, 1, '', out);
        else if (isObject(doc)) one(doc, 1, text, out);
        else out.error(1, 'expected log entries: JSON lines, an array, or {"entries": [...]}');
      },
    }),
};
