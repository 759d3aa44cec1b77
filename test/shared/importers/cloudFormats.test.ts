import { describe, expect, it } from 'vitest';
import { cloudTrail } from '../../../shared/importers/cloudtrail';
import { azureActivity } from '../../../shared/importers/azure-activity';
import { detectFormat } from '../../../shared/importers/registry';
import { toIso } from '../../../shared/model/time';
import { parseWith, readFixture } from './helpers';

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
