// AWS CloudTrail: delivered files `{"Records":[...]}`, `aws cloudtrail lookup-events` output (`{"Events":[...]}` or
// JSON lines, each with the record as a JSON string in CloudTrailEvent), or bare records one per line.
import type { Importer } from '../types';
import { isObject, parseJsonObject, safeStringify, type JsonObject } from '../common/json';
import { OutputBuffer, documentParser } from '../common/output';
import { splitDocuments } from '../otlp/documents';
import { SpanLocator } from '../otlp/locate';
import { cloudTrailToEvent } from './toEvent';

export function detectCloudTrail(head: string): number {
  if (/"CloudTrailEvent"\s*:/.test(head)) return 0.95;
  if (/"Records"\s*:/.test(head) && /"eventSource"\s*:/.test(head)) return 0.95;
  if (/"eventVersion"\s*:/.test(head) && /"eventSource"\s*:\s*"[a-z0-9-]+\.amazonaws\.com"/.test(head)) return 0.9;
  return 0;
}

function parse(text: string, out: OutputBuffer): void {
  for (const { doc, line, text: docText } of splitDocuments(text, out)) {
    const emit = (r: JsonObject, lookup: JsonObject | undefined, l: number, pointer: string) => {
      const ev = cloudTrailToEvent(r, lookup, l, pointer, safeStringify(lookup ?? r));
      if (typeof ev === 'string') out.error(l, ev);
      else out.events.push(ev);
    };
    const fromLookup = (e: JsonObject, l: number, pointer: string) => {
      const inner = typeof e.CloudTrailEvent === 'string' ? parseJsonObject(e.CloudTrailEvent) : isObject(e.CloudTrailEvent) ? e.CloudTrailEvent : 'no CloudTrailEvent';
      if (typeof inner === 'string') return out.error(l, `CloudTrailEvent: ${inner}`);
      emit(inner, e, l, pointer);
    };
    const list = Array.isArray(doc.Records) ? doc.Records : Array.isArray(doc.Events) ? doc.Events : undefined;
    if (!list) {
      if ('CloudTrailEvent' in doc) fromLookup(doc, line, '');
      else if ('eventTime' in doc || 'eventName' in doc) emit(doc, undefined, line, '');
      else out.error(line, 'not a CloudTrail record (no eventTime, Records or CloudTrailEvent)');
      continue;
    }
    const key = Array.isArray(doc.Records) ? 'Records' : 'Events';
    const locator = new SpanLocator(docText, line, key === 'Records' ? 'eventID' : 'EventId');
    list.forEach((r: unknown, i: number) => {
      const pointer = `/${key}/${i}`;
      if (!isObject(r)) return out.error(line, `${pointer} is not an object`);
      const l = locator.lineOf(String(key === 'Records' ? r.eventID : r.EventId)) ?? line;
      if (key === 'Events') fromLookup(r, l, pointer);
      else emit(r, undefined, l, pointer);
    });
  }
}

export const cloudTrail: Importer = {
  id: 'cloudtrail',
  label: 'AWS CloudTrail',
  version: 1,
  mode: 'document',
  detect: (head) => detectCloudTrail(head),
  createParser: () => documentParser(parse),
};
