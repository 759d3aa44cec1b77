import { describe, expect, it } from 'vitest';
import { factsFromText, flattenJson, intentFacts, parseTable } from '../../../shared/analysis/facts';
import { EntityIndex } from '../../../shared/analysis/entities';
import { verbsMatch } from '../../../shared/analysis/verbs';

describe('facts from observations', () => {
  it('flattens JSON, naming containers and dropping bookkeeping', () => {
    const f = flattenJson({ metadata: { name: 'p', resourceVersion: '9' }, spec: { replicas: 6, template: { spec: { containers: [{ name: 'web', image: 'a:1' }] } } } });
    expect([...f]).toEqual([['metadata.name', 'p'], ['spec.replicas', '6'], ['spec.template.spec.containers.web.name', 'web'], ['spec.template.spec.containers.web.image', 'a:1']]);
  });

  it('reads kubectl tables by the NAME column, even with wide cells', () => {
    const t = parseTable('NAME       READY   UP-TO-DATE   AVAILABLE   AGE\npayments   6/6     6            6           41d\ncheckout-long-name   4/4     4            4           2d');
    expect(t?.get('payments')?.get('ready')).toBe('6/6');
    expect(t?.get('checkout-long-name')?.get('available')).toBe('4');
  });

  it('reads key: value text when there is no JSON or table', () => {
    expect(factsFromText('Name: payments\nReplicas:  6 desired | 6 updated').kv?.get('replicas')).toBe('6 desired | 6 updated');
    expect(factsFromText('{"spec":{"replicas":6}}').json?.get('spec.replicas')).toBe('6');
  });

  it('accepts intent facts in the shapes importers write', () => {
    expect([...intentFacts({ verb: 'scale', facts: { 'spec.replicas': 2 } })]).toEqual([['spec.replicas', '2']]);
    expect([...intentFacts('spec.replicas=2, image=x')]).toEqual([['spec.replicas', '2'], ['image', 'x']]);
    expect([...intentFacts([{ fact: 'spec.replicas', value: 3 }])]).toEqual([['spec.replicas', '3']]);
  });
});

describe('entities and verbs', () => {
  it('merges pods, ReplicaSets and service names into their deployment', () => {
    const idx = new EntityIndex(['k8s:prod/deployment/payments', 'k8s:prod/pod/payments-7d9c8b5f4-x8k2p', 'k8s:prod/replicaset/payments-7d9c8b5f4', 'k8s:prod/deployment/pay'], ['payments', 'inventory']);
    expect(idx.resolve('k8s:prod/pod/payments-7d9c8b5f4-x8k2p')).toBe('k8s:prod/deployment/payments');
    expect(idx.resolve('k8s:prod/replicaset/payments-7d9c8b5f4')).toBe('k8s:prod/deployment/payments');
    expect(idx.keyOfService('payments')).toBe('k8s:prod/deployment/payments');
    expect(idx.keyOfService('inventory')).toBe('svc:inventory');
    expect(idx.serviceOf('k8s:prod/deployment/payments')).toBe('payments');
    expect(idx.entities()[0].aliases.map((a) => a.alias)).toContain('svc:payments');
  });

  it('resolves cluster DNS names and OTel k8s.deployment.name to the deployment', () => {
    const idx = new EntityIndex(['k8s:prod/deployment/payments'], ['payments.prod.svc.cluster.local:8080', 'agent-runtime'], [{ service: 'agent-runtime', namespace: 'agents', deployment: 'ops-agent' }]);
    expect(idx.keyOfService('payments.prod.svc.cluster.local:8080')).toBe('k8s:prod/deployment/payments');
    expect(idx.keyOfService('agent-runtime')).toBe('k8s:agents/deployment/ops-agent');
    expect(idx.serviceOf('k8s:agents/deployment/ops-agent')).toBe('agent-runtime');
    expect(idx.keyOfService('payments.staging.svc')).toBe('svc:payments.staging.svc');
  });

  it('matches tool verbs to the API verbs they cause', () => {
    expect(verbsMatch('scale', 'patch')).toBe(true);
    expect(verbsMatch('get', 'list')).toBe(true);
    expect(verbsMatch('scale', 'delete')).toBe(false);
    expect(verbsMatch('delete', 'get')).toBe(false);
  });
});
