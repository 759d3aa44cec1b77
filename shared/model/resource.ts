// Canonical resource keys, so the same thing named three ways in three sources is one resource.
//   k8s:<namespace>/<kind>/<name>   namespaced Kubernetes object, kind singular lower-case
//   k8s:_/<kind>/<name>             cluster-scoped Kubernetes object (namespace, clusterrole, node)
//   svc:<name>                      a service known from logs or traces (service.name)
//   aws:<service>/<resource id>     an AWS resource (instance id, bucket, ...)
//   azure:<resource id>             an Azure resource id, lower-case
//   host:<name>                     a machine
import { resourceKey, type ResourceKey } from './ids';

const KIND_ALIASES: Record<string, string> = {
  deploy: 'deployment', deployments: 'deployment', deployment: 'deployment',
  po: 'pod', pods: 'pod', pod: 'pod',
  svc: 'service', services: 'service', service: 'service',
  rs: 'replicaset', replicasets: 'replicaset', replicaset: 'replicaset',
  sts: 'statefulset', statefulsets: 'statefulset', statefulset: 'statefulset',
  ds: 'daemonset', daemonsets: 'daemonset', daemonset: 'daemonset',
  cm: 'configmap', configmaps: 'configmap', configmap: 'configmap',
  secret: 'secret', secrets: 'secret',
  ns: 'namespace', namespaces: 'namespace', namespace: 'namespace',
  no: 'node', nodes: 'node', node: 'node',
  hpa: 'horizontalpodautoscaler', horizontalpodautoscalers: 'horizontalpodautoscaler', horizontalpodautoscaler: 'horizontalpodautoscaler',
  job: 'job', jobs: 'job', cronjob: 'cronjob', cronjobs: 'cronjob',
  ing: 'ingress', ingresses: 'ingress', ingress: 'ingress',
  sa: 'serviceaccount', serviceaccounts: 'serviceaccount', serviceaccount: 'serviceaccount',
  clusterrole: 'clusterrole', clusterroles: 'clusterrole',
  clusterrolebinding: 'clusterrolebinding', clusterrolebindings: 'clusterrolebinding',
  role: 'role', roles: 'role', rolebinding: 'rolebinding', rolebindings: 'rolebinding',
  pvc: 'persistentvolumeclaim', persistentvolumeclaims: 'persistentvolumeclaim',
  pv: 'persistentvolume', persistentvolumes: 'persistentvolume',
  event: 'event', events: 'event',
};

const CLUSTER_SCOPED = new Set(['namespace', 'node', 'clusterrole', 'clusterrolebinding', 'persistentvolume']);

/** Singular lower-case Kubernetes kind from any spelling kubectl or the API uses ("deploy", "Deployments"). */
export function canonicalKind(kind: string): string {
  const k = kind.toLowerCase().split('.')[0];
  return KIND_ALIASES[k] ?? k.replace(/s$/, '');
}

export function k8sKey(kind: string, name: string, namespace?: string): ResourceKey {
  const k = canonicalKind(kind);
  const ns = CLUSTER_SCOPED.has(k) || !namespace ? (CLUSTER_SCOPED.has(k) ? '_' : 'default') : namespace;
  return resourceKey(`k8s:${ns}/${k}/${name}`);
}

export const serviceKey = (name: string): ResourceKey => resourceKey(`svc:${name}`);

export interface ParsedK8sKey {
  namespace: string;
  kind: string;
  name: string;
}

export function parseK8sKey(key: string): ParsedK8sKey | undefined {
  const m = /^k8s:([^/]+)\/([^/]+)\/(.+)$/.exec(key);
  return m ? { namespace: m[1], kind: m[2], name: m[3] } : undefined;
}
