// One entity per thing, however each source names it: a deployment, its ReplicaSets and pods (by the
// name hashes Kubernetes gives them), its Service object and the service name in logs and traces.
import { k8sKey, parseK8sKey } from '../model/resource';
import type { Entity } from './types';
import type { AnalysisContext } from './context';

type EntityAlias = Entity['aliases'][number];

const POD = /^(.+)-([a-z0-9]{6,10})-([a-z0-9]{5})$/;
const REPLICASET = /^(.+)-([a-z0-9]{6,10})$/;
const DNS = /^([a-z0-9-]+)\.([a-z0-9-]+)\.svc(?:\.cluster\.local)?(?::\d+)?$/;

export class EntityIndex {
  private readonly canonical = new Map<string, string>();
  private readonly aliases = new Map<string, EntityAlias[]>();
  private readonly serviceByKey = new Map<string, string>();

  /**
   * `workloads`: OTel resource attributes seen with a service.name (k8s.deployment.name, k8s.namespace.name),
   * the most direct statement of which deployment a service runs as.
   */
  constructor(resources: Iterable<string>, services: Iterable<string>, workloads: Iterable<{ service: string; namespace: string; deployment: string }> = []) {
    const keys = [...new Set(resources)].filter(Boolean).sort();
    const deployments = new Map<string, string>();
    for (const k of keys) {
      const p = parseK8sKey(k);
      if (p && ['deployment', 'statefulset', 'daemonset'].includes(p.kind)) deployments.set(`${p.namespace}/${p.name}`, k);
    }
    for (const k of keys) {
      const p = parseK8sKey(k);
      if (!p || deployments.get(`${p.namespace}/${p.name}`) === k) continue;
      const owner = (m: RegExpExecArray | null) => (m ? deployments.get(`${p.namespace}/${m[1]}`) ?? k8sKey('deployment', m[1], p.namespace) : undefined);
      if (p.kind === 'pod') this.link(k, owner(POD.exec(p.name)), 'pod name is the deployment name plus ReplicaSet hash and pod suffix');
      else if (p.kind === 'replicaset') this.link(k, owner(REPLICASET.exec(p.name)), 'ReplicaSet name is the deployment name plus pod-template hash');
      else if (p.kind === 'service') this.link(k, deployments.get(`${p.namespace}/${p.name}`), 'Service object has the same name as the deployment in its namespace');
    }
    for (const w of [...workloads].sort((a, b) => a.service.localeCompare(b.service))) {
      const key = k8sKey('deployment', w.deployment, w.namespace);
      if (!deployments.has(`${w.namespace}/${w.deployment}`)) deployments.set(`${w.namespace}/${w.deployment}`, key);
      if (this.canonical.has(`svc:${w.service}`)) continue;
      this.link(`svc:${w.service}`, key, 'OTel resource attributes k8s.deployment.name and k8s.namespace.name of this service.name');
      this.serviceByKey.set(key, w.service);
    }
    const sortedServices = [...new Set(services)].filter(Boolean).sort();
    for (const s of sortedServices) {
      if (this.canonical.has(`svc:${s}`)) continue;
      // Cluster DNS names (payments.prod.svc.cluster.local:8080) name the Service, hence its deployment.
      const dns = DNS.exec(s);
      if (dns && deployments.has(`${dns[2]}/${dns[1]}`)) {
        const key = deployments.get(`${dns[2]}/${dns[1]}`)!;
        this.link(`svc:${s}`, key, 'cluster DNS name <service>.<namespace>.svc of the deployment');
        if (!this.serviceByKey.has(key)) this.serviceByKey.set(key, s);
        continue;
      }
      const matches = [...deployments.values()].filter((d) => parseK8sKey(d)?.name === s);
      // A service name that fits exactly one deployment is that deployment; several would be a guess.
      if (matches.length === 1) {
        this.link(`svc:${s}`, matches[0], 'service.name in logs and traces equals the deployment name');
        this.serviceByKey.set(matches[0], s);
      }
    }
  }

  private link(alias: string, key: string | undefined, why: string): void {
    if (!key || alias === key) return;
    this.canonical.set(alias, key);
    this.aliases.set(key, [...(this.aliases.get(key) ?? []), { alias, why }]);
  }

  /** The entity a resource key belongs to (itself when it is not an alias). */
  resolve(key: string): string {
    return this.canonical.get(key) ?? key;
  }

  /** The service name logs and traces use for an entity, when known. */
  serviceOf(key: string): string | undefined {
    const k = this.resolve(key);
    return this.serviceByKey.get(k) ?? (k.startsWith('svc:') ? k.slice(4) : undefined);
  }

  /** The entity key for a service name seen in logs (its deployment, else `svc:<name>`). */
  keyOfService(service: string): string {
    return this.resolve(`svc:${service}`);
  }

  entities(): Entity[] {
    return [...this.aliases]
      .map(([key, aliases]) => ({ key, kind: parseK8sKey(key)?.kind ?? key.split(':')[0], aliases: aliases.sort((a, b) => a.alias.localeCompare(b.alias)) }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }
}

/** service.name → deployment, from the OTel resource attributes importers keep on spans and agent runs. */
export function workloadsOf(ctx: AnalysisContext): { service: string; namespace: string; deployment: string }[] {
  const seen = new Map<string, { service: string; namespace: string; deployment: string }>();
  for (const e of ctx.events) {
    const r = e.attrs.resource as Record<string, unknown> | undefined;
    if (!r || typeof r !== 'object') continue;
    const service = r['service.name'];
    const deployment = r['k8s.deployment.name'];
    const namespace = r['k8s.namespace.name'];
    if (typeof service === 'string' && typeof deployment === 'string' && typeof namespace === 'string') seen.set(service, { service, namespace, deployment });
  }
  return [...seen.values()];
}
