import { describe, expect, it } from 'vitest';
import { cloudTrail } from '../../../shared/importers/cloudtrail';
import { azureActivity } from '../../../shared/importers/azure-activity';
import { gcpAudit } from '../../../shared/importers/gcp-audit';
import { detectFormat } from '../../../shared/importers/registry';
import { toIso } from '../../../shared/model/time';
import { attrs, parseWith, readFixture } from './helpers';

describe('cloudtrail importer', () => {
  it('reads delivered Records with roles, resources, errors and the line of each record', () => {
    const text = readFixture('cloudtrail/records.json');
    const { events, errors } = parseWith(cloudTrail, text);
    expect(detectFormat(text, 'x.json').importer?.id).toBe('cloudtrail');
    expect(events[0]).toMatchObject({
      kind: 'audit', actor: 'arn:aws:sts::123456789012:assumed-role/ops-agent/session-7', actorType: 'human', action: 'stop', service: 'ec2',
      resource: 'aws:ec2/i-0abc', sourceLine: 3, sourcePointer: '/Records/0', message: 'arn:aws:sts::123456789012:assumed-role/ops-agent/session-7 StopInstances i-0abc (eu-west-1)',
    });
    expect(events[1]).toMatchObject({ actor: 'alice', action: 'delete', resource: 'aws:s3/payments-archive', severity: 'warn', sourceLine: 13 });
    expect(errors).toEqual([{ line: 23, reason: expect.stringMatching(/eventTime/) }]);
  });

  it('reads lookup-events lines, taking UTC eventTime from the inner record and the typed resource', () => {
    const { events, errors } = parseWith(cloudTrail, readFixture('cloudtrail/lookup-events.jsonl'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'bob', action: 'run', resource: 'aws:ec2/i-0new', sourceLine: 1 });
    expect(toIso(events[0].ts)).toBe('2026-11-27T10:00:00.000Z');
    expect(errors).toEqual([{ line: 2, reason: expect.stringMatching(/CloudTrailEvent: invalid JSON/) }]);
  });
});

describe('azure-activity importer', () => {
  it('reads camelCase and snake_case records', () => {
    const text = readFixture('azure-activity/activity.jsonl');
    expect(detectFormat(text, 'x.jsonl').importer?.id).toBe('azure-activity');
    const { events } = parseWith(azureActivity, text);
    expect(events[0]).toMatchObject({ actor: 'carol@example.com', actorType: 'human', action: 'delete', severity: 'error', service: 'Microsoft.Compute', resource: 'azure:/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm1' });
    expect(events[1]).toMatchObject({ actor: '1234-abcd', actorType: 'system', action: 'write', severity: 'warn', resource: 'azure:/x/disk' });
    expect(toIso(events[1].ts)).toBe('2026-11-27T10:06:00.000Z');
  });
});

describe('gcp-audit importer', () => {
  it('reads Cloud Audit Log entries as audit events: principal, method verb, resource, status, trace', () => {
    const text = readFixture('gcp-audit/entries.jsonl');
    expect(detectFormat(text, 'x.jsonl').importer?.id).toBe('gcp-audit');
    const { events, errors, merged } = parseWith(gcpAudit, text);
    expect(events[0]).toEqual({
      sourceLine: 1, sourcePointer: '', ts: 1795773900123456789n, endTs: null, kind: 'audit',
      actor: 'ops-agent@shop-prod.iam.gserviceaccount.com', actorType: 'system', service: 'compute',
      resource: 'gcp:projects/shop-prod/zones/europe-west1-b/instances/db-1', action: 'stop', severity: 'info',
      message: 'ops-agent@shop-prod.iam.gserviceaccount.com v1.compute.instances.stop projects/shop-prod/zones/europe-west1-b/instances/db-1',
      traceId: '5b8efff798038103d269b633813fc60c', spanId: 'a000000000000002', parentSpanId: '', callId: '',
      attributes: expect.any(String), raw: expect.stringContaining('"insertId":"a1"'),
    });
    expect(attrs(events[0])).toMatchObject({ methodName: 'v1.compute.instances.stop', serviceName: 'compute.googleapis.com', insertId: 'a1', requestMetadata: { callerIp: '10.0.0.7' } });
    // GKE entries name Kubernetes objects: the same resource key a Kubernetes audit log gives.
    expect(events[1]).toMatchObject({ sourceLine: 2, actor: 'dana@example.com', actorType: 'human', service: 'k8s.io', resource: 'k8s:prod/deployment/payments', action: 'patch', severity: 'info' });
    expect(attrs(events[1]).request).toEqual({ spec: { replicas: 2 } });
    expect(events[2]).toMatchObject({ sourceLine: 3, action: 'update', severity: 'warn', resource: 'gcp:projects/shop-prod', service: 'cloudresourcemanager', message: 'dana@example.com SetIamPolicy projects/shop-prod → PERMISSION_DENIED' });
    expect(toIso(events[2].ts)).toBe('2026-11-27T10:07:00.000Z');
    // A non-audit entry in the same export stays, as a log line.
    expect(events[3]).toMatchObject({ sourceLine: 4, kind: 'log', actor: 'payments', actorType: 'system', service: 'payments', severity: 'error', message: 'payments: pool exhausted' });
    expect(events).toHaveLength(4);
    expect(errors).toEqual([{ line: 5, reason: 'log entry without a readable timestamp' }, { line: 6, reason: expect.stringMatching(/^invalid JSON/) }]);
    expect(merged).toBe(0);
  });

  it('reads a gcloud JSON array export, each entry at the line where it starts', () => {
    const text = readFixture('gcp-audit/read.json');
    expect(detectFormat(text, 'read.json').importer?.id).toBe('gcp-audit');
    const { events, errors } = parseWith(gcpAudit, text);
    expect(events.map((e) => [e.sourceLine, e.sourcePointer, e.action, e.resource, e.actorType])).toEqual([
      [2, '/0', 'create', 'gcp:projects/shop-prod/zones/europe-west1-b/instances/db-2', 'human'],
      [14, '/1', 'delete', 'k8s:prod/pod/payments-7d9f', 'system'],
    ]);
    expect(errors).toEqual([{ line: 1, reason: '/2 is not a log entry object' }]);
  });

  it('keeps the entries after a damaged first line, and reports a damaged array export as one located error', () => {
    const good = readFixture('gcp-audit/entries.jsonl').split('\n')[0];
    const lines = parseWith(gcpAudit, `{"insertId":"cut",\n${good}\n`);
    expect(lines.errors).toEqual([{ line: 1, reason: expect.stringMatching(/^invalid JSON/) }]);
    expect(lines.events.map((e) => e.sourceLine)).toEqual([2]);
    const array = parseWith(gcpAudit, readFixture('gcp-audit/read.json').split('\n').slice(0, 20).join('\n'));
    expect(array.events).toEqual([]);
    expect(array.errors).toEqual([{ line: 20, reason: expect.stringMatching(/^invalid JSON document/) }]);
  });

  it('is not claimed for other cloud audit formats', () => {
    expect(gcpAudit.detect(readFixture('cloudtrail/records.json'), 'x.json')).toBe(0);
    expect(gcpAudit.detect(readFixture('azure-activity/activity.jsonl'), 'x.jsonl')).toBe(0);
  });
});
