// One Cloud Logging LogEntry → one event: an 'audit' event when it carries a Cloud Audit Log (AuditLog
// protoPayload), else a 'log' event, so a mixed export loses nothing.
import type { ParsedEvent } from '../../model/event';
import type { Nanos } from '../../model/ids';
import { resourceKey } from '../../model/ids';
import { k8sKey } from '../../model/resource';
import { isObject, safeStringify, str, type JsonObject } from '../common/json';
import { anyTimeToNanos } from '../common/time';
import { normaliseLevel } from '../common/level';

export const AUDIT_LOG_TYPE = 'type.googleapis.com/google.cloud.audit.AuditLog';

/** The verbs GCP spells differently from the rest of Driftline (WRITE_ACTIONS). */
const VERBS: Record<string, string> = { insert: 'create', set: 'update' };

/** `v1.compute.instances.stop` → stop; `google.iam.admin.v1.CreateServiceAccountKey` → create. */
export function verbOf(methodName: string): string {
  const last = methodName.split('.').pop() ?? '';
  const word = (/^[A-Z][a-z]+/.exec(last)?.[0] ?? last).toLowerCase();
  return VERBS[word] ?? word;
}

/** GKE audit entries name Kubernetes objects (`apps/v1/namespaces/prod/deployments/web[/scale]`): the same key as Kubernetes audit. */
function resourceOf(service: string, name: string): ParsedEvent['resource'] {
  if (!name) return '';
  if (service === 'k8s.io') {
    const m = /^(?:[\w.-]+\/)?v\d\w*\/(?:namespaces\/([^/]+)\/)?([a-z0-9]+)\/([^/]+)(?:\/[a-z]+)?$/.exec(name);
    if (m) return k8sKey(m[2], m[3], m[1]);
  }
  return resourceKey(`gcp:${name}`);
}

function actorTypeOf(actor: string): ParsedEvent['actorType'] {
  if (!actor) return 'unknown';
  // Service accounts and Kubernetes system identities are software; other principals are people.
  return actor.endsWith('.gserviceaccount.com') || actor.startsWith('system:') ? 'system' : 'human';
}

/** `projects/p/traces/<hex>` → the hex trace id. */
const traceIdOf = (v: unknown) => str(v).split('/').pop()?.toLowerCase() ?? '';

export function logEntryToEvent(e: JsonObject, line: number, pointer: string, raw: string): ParsedEvent | string {
  const ts = anyTimeToNanos(e.timestamp) ?? anyTimeToNanos(e.receiveTimestamp);
  if (ts === undefined) return 'log entry without a readable timestamp';
  const p = isObject(e.protoPayload) ? e.protoPayload : undefined;
  const level = normaliseLevel(e.severity) ?? 'info';
  const base = {
    sourceLine: line, sourcePointer: pointer, ts: ts as Nanos, endTs: null, traceId: traceIdOf(e.trace), spanId: str(e.spanId).toLowerCase(),
    parentSpanId: '', callId: '', raw,
  };
  const monitored = isObject(e.resource) ? e.resource : {};
  if (!p || p['@type'] !== AUDIT_LOG_TYPE) {
    const json = isObject(e.jsonPayload) ? e.jsonPayload : undefined;
    const labels = isObject(monitored.labels) ? monitored.labels : {};
    const service = str(labels.service_name) || str(labels.container_name) || str(monitored.type);
    return {
      ...base, kind: 'log', actor: service, actorType: service ? 'system' : 'unknown', service, resource: '', action: '', severity: level,
      message: str(e.textPayload) || str(json?.message) || (json ? safeStringify(json) : p ? safeStringify(p) : ''),
      attributes: safeStringify({ logName: e.logName, insertId: e.insertId, resource: e.resource, labels: e.labels }),
    };
  }
  const auth = isObject(p.authenticationInfo) ? p.authenticationInfo : {};
  const actor = str(auth.principalEmail) || str(auth.principalSubject);
  const service = str(p.serviceName);
  const method = str(p.methodName);
  const name = str(p.resourceName);
  const status = isObject(p.status) ? p.status : {};
  const code = typeof status.code === 'number' ? status.code : 0;
  const failed = code !== 0;
  return {
    ...base, kind: 'audit', actor, actorType: actorTypeOf(actor), service: service.replace(/\.googleapis\.com$/, ''),
    resource: resourceOf(service, name), action: verbOf(method),
    severity: failed && (level === 'info' || level === 'debug') ? 'warn' : level,
    message: `${actor || 'unknown'} ${method}${name ? ` ${name}` : ''}${failed ? ` → ${str(status.message) || `code ${code}`}` : ''}`,
    attributes: safeStringify({
      methodName: method, serviceName: service, resourceName: name, status: p.status, insertId: e.insertId, logName: e.logName,
      authenticationInfo: p.authenticationInfo, requestMetadata: p.requestMetadata, authorizationInfo: p.authorizationInfo,
      resource: e.resource, operation: e.operation, request: p.request, response: p.response, metadata: p.metadata,
    }),
  };
}
