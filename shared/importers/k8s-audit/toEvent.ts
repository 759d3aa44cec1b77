// One audit record (a request, its stages merged) → one 'audit' event.
import type { ParsedEvent, Severity } from '../../model/event';
import type { Nanos } from '../../model/ids';
import { k8sKey } from '../../model/resource';
import { isObject, safeStringify, str, type JsonObject } from '../common/json';
import { anyTimeToNanos } from '../common/time';

export interface AuditRecord {
  o: JsonObject;
  line: number;
  raw: string;
  /** requestObject / responseObject seen on any stage of the request. */
  requestObject?: unknown;
  responseObject?: unknown;
  mergedLines: number[];
}

export function auditToEvent(r: AuditRecord): ParsedEvent | string {
  const o = r.o;
  const ts = anyTimeToNanos(o.requestReceivedTimestamp) ?? anyTimeToNanos(o.stageTimestamp) ?? anyTimeToNanos(o.timestamp);
  if (ts === undefined) return 'audit event without requestReceivedTimestamp, stageTimestamp or timestamp';
  const end = anyTimeToNanos(o.stageTimestamp);
  const ref = isObject(o.objectRef) ? o.objectRef : undefined;
  const user = isObject(o.user) ? o.user : {};
  const imp = isObject(o.impersonatedUser) ? o.impersonatedUser : undefined;
  const actor = str(imp?.username) || str(user.username);
  const verb = str(o.verb);
  const status = isObject(o.responseStatus) ? o.responseStatus : undefined;
  const code = typeof status?.code === 'number' ? status.code : 0;
  const severity: Severity = code >= 500 ? 'error' : code >= 400 ? 'warn' : 'info';

  const plural = str(ref?.resource);
  const sub = str(ref?.subresource);
  const ns = str(ref?.namespace);
  const reqMeta = isObject(r.requestObject) && isObject((r.requestObject as JsonObject).metadata) ? ((r.requestObject as JsonObject).metadata as JsonObject) : undefined;
  const name = str(ref?.name) || (verb === 'create' && !sub ? str(reqMeta?.name) : '');
  // Audit omits the namespace exactly for cluster-scoped objects.
  const resource = plural && name ? k8sKey(plural, name, ns || '_') : '';

  const target = plural ? [plural, name, sub].filter(Boolean).join('/') : str(o.requestURI);
  const message = `${actor || 'unknown'} ${verb} ${target}${ns ? ` in ${ns}` : ''}${code ? ` → ${code}` : ''}`;

  const attrs: JsonObject = {
    auditID: o.auditID, stage: o.stage, verb, objectRef: ref, requestObject: r.requestObject, responseObject: r.responseObject,
    responseStatus: status, userAgent: o.userAgent, sourceIPs: o.sourceIPs, requestURI: o.requestURI, level: o.level,
  };
  if (sub) attrs.subresource = sub;
  if (imp) attrs.realUser = str(user.username);
  if (isObject(o.annotations)) attrs.annotations = o.annotations;
  if (r.mergedLines.length) attrs.mergedLines = r.mergedLines;

  return {
    sourceLine: r.line, sourcePointer: '', ts: ts as Nanos, endTs: end !== undefined && end >= ts ? end : null, kind: 'audit',
    actor, actorType: actor.startsWith('system:') ? 'system' : actor ? 'human' : 'unknown',
    service: '', resource, action: verb, severity, message,
    traceId: '', spanId: '', parentSpanId: '', callId: '', attributes: safeStringify(attrs), raw: r.raw,
  };
}
