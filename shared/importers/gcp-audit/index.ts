// Google Cloud Audit Logs as Cloud Logging exports them: LogEntry JSON lines, a JSON array
// (`gcloud logging read --format=json`) or an entries.list response `{"entries": [...]}`.
import type { Importer } from '../types';
import { isObject, safeStringify } from '../common/json';
import { OutputBuffer, documentParser } from '../common/output';
import { parseDocument } from '../common/document';
import { splitDocuments } from '../otlp/documents';
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

function parse(text: string, out: OutputBuffer): void {
  if (text.trimStart()[0] === '[') {
    const doc = parseDocument(text, out);
    if (Array.isArray(doc)) entries(doc, text, 1, '', out);
    else if (doc !== undefined) out.error(1, 'expected an array of log entries');
    return;
  }
  for (const { doc, line, text: docText } of splitDocuments(text, out)) {
    if (Array.isArray(doc.entries)) {
      entries(doc.entries, docText, line, '/entries', out);
      continue;
    }
    const ev = logEntryToEvent(doc, line, '', docText || safeStringify(doc));
    if (typeof ev === 'string') out.error(line, ev);
    else out.events.push(ev);
  }
}

export const gcpAudit: Importer = {
  id: 'gcp-audit',
  label: 'Google Cloud Audit Logs',
  version: 1,
  mode: 'document',
  detect: (head) => detectGcpAudit(head),
  createParser: () => documentParser(parse),
};
