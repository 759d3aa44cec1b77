import { describe, expect, it } from 'vitest';
import { k8sAudit } from '../../../shared/importers/k8s-audit';
import { toIso } from '../../../shared/model/time';
import { attrs, parseWith, readFixture } from './helpers';

describe('k8s-audit importer', () => {
  const text = readFixture('k8s-audit/stages.jsonl');
  const { events, errors, merged } = parseWith(k8sAudit, text);
  const byAudit = (id: string) => events.find((e) => attrs(e).auditID === id)!;

  it('folds the stages of one request into one event, keeping objects from any stage', () => {
    expect(events).toHaveLength(5);
    expect(merged).toBe(2); // RequestReceived + a repeated ResponseComplete of a-alice
    const alice = byAudit('a-alice');
    expect(alice).toMatchObject({
      sourceLine: 3, kind: 'audit', actor: 'alice@example.com', actorType: 'human', action: 'patch',
      resource: 'k8s:prod/deployment/payments', severity: 'info',
      message: 'alice@example.com patch deployments/payments/scale in prod → 200',
    });
    expect(toIso(alice.ts)).toBe('2026-11-27T10:03:00.000Z');
    expect(toIso(alice.endTs!)).toBe('2026-11-27T10:03:00.012Z');
    const a = attrs(alice);
    expect(a).toMatchObject({ stage: 'ResponseComplete', subresource: 'scale', requestObject: { spec: { replicas: 12 } }, responseObject: { spec: { replicas: 12 } }, mergedLines: [2] });
  });

  it('reads the agent GET with its response, as a system principal', () => {
    const get = byAudit('a-get');
    expect(get).toMatchObject({ sourceLine: 1, actor: 'system:serviceaccount:agents:ops-agent', actorType: 'system', action: 'get', resource: 'k8s:prod/deployment/payments' });
    expect(attrs(get)).toMatchObject({ responseObject: { spec: { replicas: 6 } }, userAgent: 'kubectl/v1.31.0', sourceIPs: ['10.0.0.7'] });
  });

  it('attributes impersonation, severities, cluster scope, v1beta1 and held-back stages', () => {
    const imp = byAudit('a-imp');
    expect(imp).toMatchObject({ actor: 'system:serviceaccount:kube-system:deployer', actorType: 'system', severity: 'warn', resource: 'k8s:prod/pod/payments-7d9f-abcde', action: 'delete' });
    expect(attrs(imp).realUser).toBe('bob@example.com');
    const node = byAudit('a-node');
    expect(node).toMatchObject({ sourceLine: 6, severity: 'error', resource: 'k8s:_/node/node-1', actorType: 'human' });
    expect(toIso(node.ts)).toBe('2026-11-27T10:05:00.000Z');
    const create = byAudit('a-create');
    expect(create).toMatchObject({ sourceLine: 9, resource: 'k8s:agents/configmap/notes', action: 'create' });
  });

  it('counts every record: events + merged + errors', () => {
    expect(errors.map((e) => e.line)).toEqual([5, 7]);
    expect(errors[1].reason).toMatch(/not an audit.k8s.io Event/);
    const records = text.split('\n').filter((l) => l.trim()).length;
    expect(events.length + merged + errors.length).toBe(records);
  });

  it('is detected over plain JSON logs', () => {
    expect(k8sAudit.detect(text, 'a')).toBeGreaterThan(0.9);
    expect(k8sAudit.detect('{"ts":"2026-11-27T10:00:00Z","msg":"x"}\n', 'a')).toBe(0);
  });
});
