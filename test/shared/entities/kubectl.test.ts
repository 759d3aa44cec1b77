import { describe, expect, it } from 'vitest';
import { parseKubectlCommand, parseToolArguments, tokenize } from '../../../shared/entities/kubectl';

describe('kubectl intent', () => {
  it.each([
    ['kubectl scale deployment payments -n prod --replicas=2', 'scale', 'k8s:prod/deployment/payments', { 'spec.replicas': 2 }],
    ['kubectl scale deploy/payments --namespace prod --replicas 12', 'scale', 'k8s:prod/deployment/payments', { 'spec.replicas': 12 }],
    ['kubectl get deployment payments -n prod -o json', 'get', 'k8s:prod/deployment/payments', {}],
    ['kubectl -n agents get deployments.apps/ops-agent', 'get', 'k8s:agents/deployment/ops-agent', {}],
    ['kubectl rollout restart deployment/checkout -n prod', 'restart', 'k8s:prod/deployment/checkout', {}],
    ['kubectl rollout undo deployment/checkout', 'rollback', 'k8s:default/deployment/checkout', {}],
    ['kubectl delete pod payments-abc -n=prod', 'delete', 'k8s:prod/pod/payments-abc', {}],
    ['kubectl cordon node-1', 'cordon', 'k8s:_/node/node-1', {}],
    ['kubectl patch deployment payments -n prod -p \'{"spec":{"replicas":3}}\'', 'patch', 'k8s:prod/deployment/payments', { 'spec.replicas': 3 }],
    ['kubectl set image deployment/web web=nginx:1.27 -n prod', 'update', 'k8s:prod/deployment/web', { 'spec.template.spec.containers.web.image': 'nginx:1.27' }],
    ['KUBECONFIG=x kubectl get pods -n prod | grep payments', 'get', '', {}],
  ])('%s', (cmd, verb, resource, facts) => {
    const r = parseKubectlCommand(cmd)!;
    expect(r.verb).toBe(verb);
    expect(r.resource).toBe(resource);
    expect(r.facts).toEqual(facts);
  });

  it('reads structured and wrapped arguments', () => {
    expect(parseToolArguments('{"action":"scale","kind":"Deployment","namespace":"prod","name":"payments","replicas":2}')).toMatchObject({ verb: 'scale', resource: 'k8s:prod/deployment/payments', facts: { 'spec.replicas': 2 } });
    expect(parseToolArguments({ command: 'kubectl scale deployment checkout -n prod --replicas=1' })).toMatchObject({ verb: 'scale', resource: 'k8s:prod/deployment/checkout' });
    expect(parseToolArguments(['scale', 'deployment', 'x', '--replicas=0', '-n', 'a'])).toMatchObject({ resource: 'k8s:a/deployment/x', facts: { 'spec.replicas': 0 } });
    expect(parseToolArguments('ls -la')).toBeUndefined();
    expect(parseToolArguments('{"query":"weather"}')).toBeUndefined();
    expect(parseToolArguments(null)).toBeUndefined();
  });

  it('tokenizes quotes and escapes like a shell', () => {
    expect(tokenize(`a "b c" 'd "e"' f\\ g ""`)).toEqual(['a', 'b c', 'd "e"', 'f g', '']);
  });
});
