// One CloudTrail record → one 'audit' event on an `aws:<service>/<id>` resource.
import type { ParsedEvent } from '../../model/event';
import type { Nanos } from '../../model/ids';
import { resourceKey } from '../../model/ids';
import { isObject, safeStringify, str, type JsonObject } from '../common/json';
import { anyTimeToNanos } from '../common/time';

const ID_KEYS = ['instanceId', 'bucketName', 'groupId', 'functionName', 'roleName', 'userName', 'dBInstanceIdentifier', 'clusterName', 'tableName', 'volumeId', 'snapshotId', 'keyId', 'queueUrl', 'topicArn', 'stackName', 'name'];

/** The first resource id found in request or response parameters (bounded walk). */
function findId(v: unknown, depth = 0): string {
  if (depth > 6 || v === null || typeof v !== 'object') return '';
  if (Array.isArray(v)) {
    for (const x of v) {
      const id = findId(x, depth + 1);
      if (id) return id;
    }
    return '';
  }
  const o = v as JsonObject;
  for (const k of ID_KEYS) if (typeof o[k] === 'string' && o[k]) return o[k] as string;
  for (const k in o) {
    const id = findId(o[k], depth + 1);
    if (id) return id;
  }
  return '';
}

function actorOf(ui: JsonObject): string {
  const issuer = isObject(ui.sessionContext) && isObject(ui.sessionContext.sessionIssuer) ? ui.sessionContext.sessionIssuer : {};
  if (ui.type === 'AssumedRole') return str(ui.arn) || str(issuer.userName);
  return str(ui.userName) || str(ui.arn) || str(ui.invokedBy) || str(ui.principalId);
}

/** `r` is the CloudTrail event; `lookup` the lookup-events wrapper around it, if any. */
export function cloudTrailToEvent(r: JsonObject, lookup: JsonObject | undefined, line: number, pointer: string, raw: string): ParsedEvent | string {
  const ts = anyTimeToNanos(r.eventTime) ?? anyTimeToNanos(lookup?.EventTime);
  if (ts === undefined) return 'CloudTrail record without a readable eventTime';
  const name = str(r.eventName) || str(lookup?.EventName);
  const ui = isObject(r.userIdentity) ? r.userIdentity : {};
  const actor = actorOf(ui) || str(lookup?.Username);
  const service = str(r.eventSource).replace(/\.amazonaws\.com$/, '');
  const noun = name.replace(/^[A-Z][a-z]+/, '').replace(/s$/, '').toLowerCase();
  const listed = Array.isArray(lookup?.Resources) ? (lookup!.Resources as unknown[]).filter(isObject) : Array.isArray(r.resources) ? (r.resources as unknown[]).filter(isObject) : [];
  const typed = listed.find((x) => str(x.ResourceType ?? x.type).toLowerCase().endsWith(`::${noun}`));
  const id = findId(r.requestParameters) || (typed ? str(typed.ResourceName ?? typed.ARN) : '') || findId(r.responseElements) || (listed[0] ? str(listed[0].ResourceName ?? listed[0].ARN) : '');
  const verb = (/^[A-Z][a-z]+/.exec(name)?.[0] ?? name).toLowerCase();
  const err = str(r.errorCode);
  return {
    sourceLine: line, sourcePointer: pointer, ts: ts as Nanos, endTs: null, kind: 'audit', actor,
    actorType: ui.type === 'AWSService' || ui.invokedBy ? 'system' : actor ? 'human' : 'unknown',
    service, resource: id && service ? resourceKey(`aws:${service}/${id}`) : '', action: verb,
    severity: err ? 'warn' : 'info',
    message: `${actor || 'unknown'} ${name}${id ? ` ${id}` : ''}${r.awsRegion ? ` (${str(r.awsRegion)})` : ''}${err ? ` → ${err}` : ''}`,
    traceId: '', spanId: '', parentSpanId: '', callId: '',
    attributes: safeStringify({ eventName: name, eventID: r.eventID, readOnly: r.readOnly, userIdentity: ui, awsRegion: r.awsRegion, sourceIPAddress: r.sourceIPAddress,
      userAgent: r.userAgent, requestParameters: r.requestParameters, responseElements: r.responseElements, errorCode: r.errorCode, errorMessage: r.errorMessage, resources: listed }),
    raw,
  };
}
