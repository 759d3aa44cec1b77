// Kubernetes Event objects: `kubectl get events -o json` (a v1 List), events.k8s.io/v1, or one Event per line
// (`kubectl get events -w -o json` / event exporters). Each becomes a 'k8s_event' on its involved object.
import type { ParsedEvent } from '../../model/event';
import type { Nanos } from '../../model/ids';
import { k8sKey } from '../../model/resource';
import type { Importer } from '../types';
import { isObject, safeStringify, str, type JsonObject } from '../common/json';
import { OutputBuffer, documentParser } from '../common/output';
import { splitDocuments } from '../otlp/documents';
import { SpanLocator } from '../otlp/locate';
import { anyTimeToNanos } from '../common/time';

export function detectK8sEvents(head: string): number {
  const eventKind = /"kind"\s*:\s*"Event"/.test(head) && /"(involvedObject|regarding)"\s*:/.test(head);
  return eventKind && !/"auditID"/.test(head) ? 0.92 : 0;
}

export function k8sEventToEvent(e: JsonObject, line: number, pointer: string, raw: string): ParsedEvent | string {
  const meta = isObject(e.metadata) ? e.metadata : {};
  const series = isObject(e.series) ? e.series : {};
  // Repeated events keep their first time; the latest occurrence is what an investigator lines up.
  const ts = anyTimeToNanos(e.lastTimestamp) ?? anyTimeToNanos(series.lastObservedTime) ?? anyTimeToNanos(e.eventTime) ?? anyTimeToNanos(e.deprecatedLastTimestamp) ?? anyTimeToNanos(e.firstTimestamp) ?? anyTimeToNanos(meta.creationTimestamp);
  if (ts === undefined) return 'Kubernetes Event without lastTimestamp, eventTime or creationTimestamp';
  const obj = isObject(e.involvedObject) ? e.involvedObject : isObject(e.regarding) ? e.regarding : {};
  const source = isObject(e.source) ? e.source : {};
  const actor = str(e.reportingController) || str(e.reportingComponent) || str(source.component) || 'kubernetes';
  const kind = str(obj.kind);
  const name = str(obj.name);
  const note = str(e.message) || str(e.note);
  const reason = str(e.reason);
  return {
    sourceLine: line, sourcePointer: pointer, ts: ts as Nanos, endTs: null, kind: 'k8s_event', actor, actorType: 'system', service: '',
    resource: kind && name ? k8sKey(kind, name, str(obj.namespace) || str(meta.namespace) || undefined) : '',
    action: reason, severity: str(e.type) === 'Warning' ? 'warn' : 'info', message: `${reason}: ${note}`,
    traceId: '', spanId: '', parentSpanId: '', callId: '',
    attributes: safeStringify({ reason, type: e.type, count: e.count ?? series.count, involvedObject: obj, firstTimestamp: e.firstTimestamp, source, action: e.action }),
    raw,
  };
}

function parse(text: string, out: OutputBuffer): void {
  for (const { doc, line, text: docText } of splitDocuments(text, out)) {
    const emit = (e: unknown, l: number, pointer: string) => {
      if (!isObject(e)) return out.error(l, `${pointer || 'record'} is not an object`);
      const ev = k8sEventToEvent(e, l, pointer, safeStringify(e));
      if (typeof ev === 'string') out.error(l, ev);
      else out.events.push(ev);
    };
    if (!Array.isArray(doc.items)) {
      if (doc.kind === 'Event') emit(doc, line, '');
      else out.error(line, `not a Kubernetes Event (kind ${JSON.stringify(doc.kind)})`);
      continue;
    }
    // Walk the `"kind": "Event"` keys in order: they sit at the top of each item, unlike uid (inside metadata).
    const locator = new SpanLocator(docText, line, 'kind');
    doc.items.forEach((e: unknown, i: number) => {
      emit(e, (isObject(e) ? locator.lineOf(str(e.kind)) : undefined) ?? line, `/items/${i}`);
    });
  }
}

export const k8sEvents: Importer = {
  id: 'k8s-events',
  label: 'Kubernetes Events',
  version: 1,
  mode: 'document',
  detect: (head) => detectK8sEvents(head),
  createParser: () => documentParser(parse),
};
