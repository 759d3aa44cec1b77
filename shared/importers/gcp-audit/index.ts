// Google Cloud Audit Logs as Cloud Logging exports them: LogEntry JSON lines, a JSON array
// (`gcloud logging read --format=json`) or an entries.list response `{"entries": [...]}`.
import type { Importer } from '../types';
import { isObject, parseJsonObject, safeStringify, shortReason, type JsonObject } from '../common/json';
import { OutputBuffer, documentParser } from '../common/output';
import { lineOfError } from '../common/document';
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

function one(e: JsonObject, line: number, raw: string, out: OutputBuffer): void {
  if (Array.isArray(e.entries)) return entries(e.entries, raw, line, '/entries', out);
  const ev = logEntryToEvent(e, line, '', raw);
  if (typeof ev === 'string') out.error(line, ev);
  else out.events.push(ev);
}

function parse(text: string, out: OutputBuffer): void {
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch (e) {
    // JSON lines (the common export): each entry is converted as soon as it is read, so the parsed
    // objects of a large file are not all alive at once.
    const lines = text.split('\n');
    const opener = lines.find((l) => l.trim() !== '')?.trim() ?? '';
    // A pretty-printed array or object that does not parse is one damaged document: one located error.
    if (opener[0] === '[' || opener === '{') return out.error(lineOfError(text, e), `invalid JSON document: ${shortReason(e)}`);
    lines.forEach((l, i) => {
      if (!l.trim()) return;
      const o = parseJsonObject(l);
      if (typeof o === 'string') out.error(i + 1, o);
      else one(o, i + 1, l, out);
    });
    return;
  }
  if (Array.isArray(whole)) entries(whole, text, 1, '', out);
  else if (isObject(whole)) one(whole, 1, text, out);
  else out.error(1, 'expected log entries: JSON lines, an array, or {"entries": [...]}');
}

export const gcpAudit: Importer = {
  id: 'gcp-audit',
  label: 'Google Cloud Audit Logs',
  version: 1,
  mode: 'document',
  detect: (head) => detectGcpAudit(head),
  createParser: () => documentParser(parse),
};
