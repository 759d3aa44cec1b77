// Alertmanager webhook payloads (`{"version":"4","status":..,"alerts":[...]}`), one per file or one per line.
// Each alert becomes an 'alert' event at startsAt (firing) or endsAt (resolved).
import type { ParsedEvent } from '../../model/event';
import type { Nanos } from '../../model/ids';
import { k8sKey, serviceKey } from '../../model/resource';
import type { Importer } from '../types';
import { isObject, safeStringify, str, type JsonObject } from '../common/json';
import { OutputBuffer, documentParser } from '../common/output';
import { splitDocuments } from '../otlp/documents';
import { SpanLocator } from '../otlp/locate';
import { anyTimeToNanos } from '../common/time';

export function detectAlertmanager(head: string): number {
  return /"alerts"\s*:/.test(head) && /"(startsAt|groupKey)"\s*:/.test(head) ? 0.93 : 0;
}

function resourceOf(labels: JsonObject) {
  const ns = str(labels.namespace);
  for (const kind of ['deployment', 'statefulset', 'daemonset', 'pod', 'node']) {
    if (labels[kind]) return k8sKey(kind, str(labels[kind]), ns || undefined);
  }
  return labels.service ? serviceKey(str(labels.service)) : labels.job ? serviceKey(str(labels.job)) : '';
}

function parse(text: string, out: OutputBuffer): void {
  for (const { doc, line, text: docText } of splitDocuments(text, out)) {
    const alerts = Array.isArray(doc.alerts) ? doc.alerts : undefined;
    if (!alerts) {
      out.error(line, 'not an Alertmanager webhook payload (no alerts array)');
      continue;
    }
    const locator = new SpanLocator(docText, line, 'fingerprint');
    alerts.forEach((a: unknown, i: number) => {
      const pointer = `/alerts/${i}`;
      if (!isObject(a)) return out.error(line, `${pointer} is not an object`);
      const l = locator.lineOf(str(a.fingerprint)) ?? line;
      const resolved = str(a.status) === 'resolved';
      const end = anyTimeToNanos(a.endsAt);
      const ts = resolved && end !== undefined ? end : anyTimeToNanos(a.startsAt);
      if (ts === undefined) return out.error(l, `${pointer}: alert without startsAt`);
      const labels = isObject(a.labels) ? a.labels : {};
      const ann = isObject(a.annotations) ? a.annotations : {};
      const name = str(labels.alertname);
      const sev = str(labels.severity).toLowerCase();
      const ev: ParsedEvent = {
        sourceLine: l, sourcePointer: pointer, ts: ts as Nanos, endTs: null, kind: 'alert', actor: 'alertmanager', actorType: 'system',
        service: str(labels.service) || str(labels.job), resource: resourceOf(labels), action: resolved ? 'resolved' : 'firing',
        severity: resolved ? 'info' : sev === 'critical' || sev === 'page' ? 'error' : 'warn',
        message: `${resolved ? 'RESOLVED' : 'FIRING'} ${name}${ann.summary ? `: ${str(ann.summary)}` : ann.description ? `: ${str(ann.description)}` : ''}`,
        traceId: '', spanId: '', parentSpanId: '', callId: '',
        attributes: safeStringify({ labels, annotations: ann, startsAt: a.startsAt, endsAt: a.endsAt, fingerprint: a.fingerprint, receiver: doc.receiver }),
        raw: safeStringify(a),
      };
      out.events.push(ev);
    });
  }
}

export const alertmanager: Importer = {
  id: 'alertmanager',
  label: 'Alertmanager webhook',
  version: 1,
  mode: 'document',
  detect: (head) => detectAlertmanager(head),
  createParser: () => documentParser(parse),
};
