// Writes assets/samples/payments-scale-down/ deterministically (seeded ids, fixed times), so the
// sample can be regenerated after a story change without hand-editing hundreds of lines.
// Run: npx tsx scripts/make-sample.ts   (the files are committed; tests read them, not this script)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const OUT = path.resolve(import.meta.dirname, '../assets/samples/payments-scale-down');
const DAY = '2026-11-27T';
const AGENT_SA = 'system:serviceaccount:agents:ops-agent';

// mulberry32: tiny seeded PRNG so every run writes byte-identical files.
let seed = 20261127;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
/** Seconds after 09:50:00 → ISO with microseconds (audit) or milliseconds (logs). */
function at(sec: number, digits = 3): string {
  const ms = Date.UTC(2026, 10, 27, 9, 50, 0) + Math.round(sec * 1000);
  const iso = new Date(ms).toISOString();
  return digits === 6 ? iso.replace('Z', '000Z') : iso;
}
const hms = (h: number, m: number, s = 0) => (h * 3600 + m * 60 + s) - (9 * 3600 + 50 * 60);
const toNanos = (iso: string) => String(BigInt(Date.parse(iso)) * 1_000_000n);

// ---------- app logs ----------
function appLogs(): string[] {
  const lines: { sec: number; rec: Record<string, unknown> }[] = [];
  const log = (sec: number, rec: Record<string, unknown>) => lines.push({ sec, rec: { ts: at(sec), ...rec } });
  const campaign = hms(10, 3);
  const errStart = hms(10, 7, 30);
  const recovered = hms(10, 15, 50);
  let req = 0;
  // One request per minute before the campaign, one every 3 s after: payments throughput ×20.
  for (let sec = 5; sec < hms(10, 20); sec += sec < campaign ? 60 : 3) {
    req++;
    const trace = hex(32);
    const failing = sec >= errStart && sec < recovered && req % 3 !== 0;
    const amount = (10 + Math.floor(rand() * 190)).toFixed(2);
    if (failing) {
      log(sec + 0.02, { level: 'error', service: 'payments', msg: '503 connection pool exhausted (pool=db-main size=20 waiting=' + (40 + Math.floor(rand() * 80)) + ')', trace_id: trace, span_id: hex(16) });
      log(sec + 0.05, { level: 'error', service: 'checkout', msg: 'POST /checkout 502: payment failed: upstream payments returned 503', trace_id: trace, span_id: hex(16) });
    } else {
      log(sec + 0.02, { level: 'info', service: 'payments', msg: `charge authorized amount=${amount} EUR latency_ms=${20 + Math.floor(rand() * 40)}`, trace_id: trace, span_id: hex(16) });
      if (req % 5 === 0 || sec < campaign) log(sec + 0.06, { level: 'info', service: 'checkout', msg: 'POST /checkout 200 order placed', trace_id: trace, span_id: hex(16) });
    }
  }
  // Unrelated steady service: its throughput does not change, so it must not show up as drift.
  for (let sec = 30; sec < hms(10, 20); sec += 120) log(sec, { level: 'info', service: 'inventory', msg: 'stock sync complete items=' + (4000 + Math.floor(rand() * 50)) });
  log(hms(10, 3, 2), { level: 'info', service: 'checkout', msg: 'campaign black-friday-2026 enabled: banner live' });
  log(hms(10, 9), { level: 'warn', service: 'alertmanager', msg: '[FIRING:1] PaymentsHighErrorRate service=payments severity=page error_ratio=0.66', alertname: 'PaymentsHighErrorRate' });
  log(hms(10, 17), { level: 'info', service: 'alertmanager', msg: '[RESOLVED] PaymentsHighErrorRate service=payments', alertname: 'PaymentsHighErrorRate' });
  lines.sort((a, b) => a.sec - b.sec);
  return lines.map((l) => JSON.stringify(l.rec));
}

// ---------- Kubernetes audit ----------
interface AuditSpec {
  sec: number; user: string; verb: string; resource: string; ns: string; name?: string; sub?: string;
  request?: unknown; response?: unknown; stages?: boolean; ua?: string; code?: number; group?: string;
}
function deployment(name: string, replicas: number, ready: number) {
  return {
    kind: 'Deployment', apiVersion: 'apps/v1',
    metadata: { name, namespace: 'prod', uid: uuid(), resourceVersion: String(880000 + Math.floor(rand() * 9999)), generation: 41, labels: { app: name, tier: 'backend' } },
    spec: { replicas, selector: { matchLabels: { app: name } }, strategy: { type: 'RollingUpdate' }, template: { spec: { containers: [{ name, image: `registry.example.com/${name}:2026.11.3`, resources: { requests: { cpu: '500m', memory: '512Mi' } } }] } } },
    status: { replicas: ready, readyReplicas: ready, availableReplicas: ready, observedGeneration: 41 },
  };
}
function auditLines(): string[] {
  const specs: AuditSpec[] = [];
  const ctl = (sa: string) => `system:serviceaccount:kube-system:${sa}`;
  // Background noise every minute: leader election and Prometheus scraping pod lists.
  for (let m = 0; m < 30; m++) {
    specs.push({ sec: m * 60 + 7.5, user: 'system:kube-controller-manager', verb: 'update', resource: 'leases', ns: 'kube-system', name: 'kube-controller-manager', group: 'coordination.k8s.io' });
    specs.push({ sec: m * 60 + 31.2, user: 'system:serviceaccount:monitoring:prometheus', verb: 'list', resource: 'pods', ns: 'prod', ua: 'prometheus/2.54.1' });
  }
  const pods = (dep: string, hash: string, n: number) => Array.from({ length: n }, () => `${dep}-${hash}-${hex(5)}`);
  const payPods = pods('payments', '7d9c8b5f4', 12);
  const chkPods = pods('checkout', '5b6c7d8e9', 4);
  const kubectl = 'kubectl/v1.31.2 (linux/amd64) kubernetes/5864a46';
  const agentUa = 'kubectl/v1.31.2 (linux/amd64) kubernetes/5864a46 ops-agent/0.9.1';
  const scale = (sec: number, user: string, ns: string, name: string, replicas: number, ua: string, was: number) =>
    specs.push({ sec, user, verb: 'patch', resource: 'deployments', ns, name, sub: 'scale', request: { spec: { replicas } }, response: { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name, namespace: ns }, spec: { replicas }, status: { replicas: was, selector: `app=${name}` } }, stages: true, ua, group: 'apps' });
  const status = (sec: number, name: string, ns = 'prod') => specs.push({ sec, user: ctl('deployment-controller'), verb: 'update', resource: 'deployments', ns, name, sub: 'status', group: 'apps' });
  const podOp = (sec: number, verb: string, name: string, ns = 'prod') => specs.push({ sec, user: ctl('replicaset-controller'), verb, resource: 'pods', ns, name });

  // 10:00:04.78 the agent reads payments: 6 replicas.
  specs.push({ sec: hms(10, 0, 4.78), user: AGENT_SA, verb: 'get', resource: 'deployments', ns: 'prod', name: 'payments', response: deployment('payments', 6, 6), ua: agentUa, group: 'apps' });
  specs.push({ sec: hms(10, 0, 8.3), user: AGENT_SA, verb: 'list', resource: 'pods', ns: 'prod', ua: agentUa });
  // 10:03:00 alice scales payments to 12 for the campaign; the controller adds 6 pods.
  specs.push({ sec: hms(10, 2, 40), user: 'alice@example.com', verb: 'get', resource: 'deployments', ns: 'prod', name: 'payments', ua: kubectl, group: 'apps' });
  scale(hms(10, 3), 'alice@example.com', 'prod', 'payments', 12, kubectl, 6);
  payPods.slice(6).forEach((p, i) => podOp(hms(10, 3, 0.4 + i * 0.1), 'create', p));
  status(hms(10, 3, 1.5), 'payments');
  // 10:07:00 the agent, on its 10:00 reading, scales payments to 2: ten pods deleted.
  scale(hms(10, 7, 0.18), AGENT_SA, 'prod', 'payments', 2, agentUa, 12);
  payPods.slice(2).forEach((p, i) => podOp(hms(10, 7, 0.6 + i * 0.1), 'delete', p));
  status(hms(10, 7, 2), 'payments');
  // 10:10:40 the agent reads checkout, 10:11 scales it to 2 (after the impact began).
  specs.push({ sec: hms(10, 10, 40.1), user: AGENT_SA, verb: 'get', resource: 'deployments', ns: 'prod', name: 'checkout', response: deployment('checkout', 4, 4), ua: agentUa, group: 'apps' });
  scale(hms(10, 11, 0.15), AGENT_SA, 'prod', 'checkout', 2, agentUa, 4);
  chkPods.slice(2).forEach((p, i) => podOp(hms(10, 11, 0.5 + i * 0.1), 'delete', p));
  status(hms(10, 11, 1.5), 'checkout');
  // 10:14 bob stops the agent (its deployment to 0), 10:15 restores payments to 12.
  specs.push({ sec: hms(10, 13, 40), user: 'bob@example.com', verb: 'get', resource: 'deployments', ns: 'prod', name: 'payments', ua: kubectl, group: 'apps' });
  scale(hms(10, 14), 'bob@example.com', 'agents', 'ops-agent', 0, kubectl, 1);
  podOp(hms(10, 14, 0.7), 'delete', 'ops-agent-5f6d7c8b9-q2x7z', 'agents');
  scale(hms(10, 15), 'bob@example.com', 'prod', 'payments', 12, kubectl, 2);
  pods('payments', '7d9c8b5f4', 10).forEach((p, i) => podOp(hms(10, 15, 0.5 + i * 0.1), 'create', p));
  status(hms(10, 15, 2), 'payments');

  specs.sort((a, b) => a.sec - b.sec);
  const out: string[] = [];
  for (const s of specs) {
    const id = uuid();
    const apiPrefix = s.group ? `/apis/${s.group}/v1` : '/api/v1';
    const uri = `${apiPrefix}/namespaces/${s.ns}/${s.resource}${s.name ? '/' + s.name : ''}${s.sub ? '/' + s.sub : ''}`;
    const level = s.request || s.response ? 'RequestResponse' : 'Metadata';
    const base = {
      kind: 'Event', apiVersion: 'audit.k8s.io/v1', level, auditID: id, stage: 'ResponseComplete',
      requestURI: uri, verb: s.verb,
      user: { username: s.user, groups: s.user.includes('@') ? ['sre', 'system:authenticated'] : ['system:serviceaccounts', 'system:authenticated'] },
      sourceIPs: [s.user.includes('@') ? '10.0.4.' + (s.user.startsWith('alice') ? 17 : 23) : '10.42.0.' + (10 + Math.floor(rand() * 200))],
      userAgent: s.ua ?? 'kube-controller-manager/v1.31.2 (linux/amd64) kubernetes/5864a46',
      objectRef: { resource: s.resource, namespace: s.ns, ...(s.name ? { name: s.name } : {}), ...(s.group ? { apiGroup: s.group } : {}), apiVersion: 'v1', ...(s.sub ? { subresource: s.sub } : {}) },
    };
    const received = at(s.sec, 6);
    const done = at(s.sec + 0.004 + rand() * 0.02, 6);
    const annotations = { 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': s.user.includes('@') ? 'RBAC: allowed by ClusterRoleBinding "sre-admins"' : 'RBAC: allowed by RoleBinding' };
    if (s.stages) out.push(JSON.stringify({ ...base, stage: 'RequestReceived', ...(s.request ? { requestObject: s.request } : {}), requestReceivedTimestamp: received, stageTimestamp: received }));
    out.push(JSON.stringify({ ...base, responseStatus: { metadata: {}, code: s.code ?? (s.verb === 'create' ? 201 : 200) }, ...(s.request ? { requestObject: s.request } : {}), ...(s.response ? { responseObject: s.response } : {}), requestReceivedTimestamp: received, stageTimestamp: done, annotations }));
  }
  return out;
}

// ---------- agent transcript (OTLP/JSON, GenAI semantic conventions) ----------
const attr = (key: string, v: string | number) => ({ key, value: typeof v === 'number' ? { intValue: String(v) } : { stringValue: v } });
function agentTrace(): string {
  const traceId = hex(32);
  const root = hex(16);
  const span = (name: string, start: number, end: number, attrs: ReturnType<typeof attr>[], parent = root, status?: object) => ({
    traceId, spanId: hex(16), parentSpanId: parent, name, kind: 1,
    startTimeUnixNano: toNanos(at(start)), endTimeUnixNano: toNanos(at(end)), attributes: attrs, status: status ?? { code: 1 },
  });
  const tool = (start: number, end: number, command: string, result: string) =>
    span('execute_tool kubectl', start, end, [attr('gen_ai.operation.name', 'execute_tool'), attr('gen_ai.tool.name', 'kubectl'), attr('gen_ai.tool.call.id', `call_${hex(20)}`), attr('gen_ai.tool.call.arguments', JSON.stringify({ command })), attr('gen_ai.tool.call.result', result)]);
  const chat = (start: number, end: number, text: string) =>
    span('chat claude-sonnet-4', start, end, [attr('gen_ai.operation.name', 'chat'), attr('gen_ai.request.model', 'claude-sonnet-4'), attr('gen_ai.output.messages', JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: text }] }]))]);
  const task = 'Cut cluster cost tonight. Scale down anything in prod that is over-provisioned; you have kubectl access.';
  const top = ['NAME                        CPU(cores)   MEMORY(bytes)', ...['x8k2p', 'm4n7q', 'r2t9v', 'c6w3j', 'h5b8d', 'z1f4s'].map((s, i) => `payments-7d9c8b5f4-${s}   ${18 + i * 3}m          ${210 + i * 7}Mi`)].join('\n');
  const spans = [
    { traceId, spanId: root, name: 'invoke_agent ops-agent', kind: 1, startTimeUnixNano: toNanos(at(hms(9, 59, 58))), endTimeUnixNano: toNanos(at(hms(10, 14, 0.9))),
      attributes: [attr('gen_ai.operation.name', 'invoke_agent'), attr('gen_ai.agent.name', 'ops-agent'), attr('gen_ai.agent.id', 'ops-agent-prod-1'), attr('gen_ai.request.model', 'claude-sonnet-4'),
        attr('gen_ai.system_instructions', 'You are ops-agent, an autonomous cost-optimisation agent for the prod cluster.'),
        attr('gen_ai.input.messages', JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: task }] }]))],
      status: { code: 2, message: 'agent process terminated (SIGTERM): pod deleted' } },
    chat(hms(9, 59, 58.2), hms(10, 0, 4.5), 'I will start with the payments deployment, usually the largest in prod.'),
    tool(hms(10, 0, 4.7), hms(10, 0, 5), 'kubectl get deployment payments -n prod -o json', JSON.stringify(deployment('payments', 6, 6), null, 2)),
    tool(hms(10, 0, 8), hms(10, 0, 8.9), 'kubectl top pods -n prod -l app=payments', top),
    chat(hms(10, 0, 9.2), hms(10, 6, 58), 'payments runs 6 replicas at about 25m CPU each: load is low. Scaling it to 2 replicas saves about 60% of its cost.'),
    tool(hms(10, 7), hms(10, 7, 0.41), 'kubectl scale deployment payments -n prod --replicas=2', 'deployment.apps/payments scaled'),
    chat(hms(10, 7, 1), hms(10, 10, 39), 'payments done. Next candidate: checkout.'),
    tool(hms(10, 10, 40), hms(10, 10, 40.3), 'kubectl get deployment checkout -n prod -o json', JSON.stringify(deployment('checkout', 4, 4), null, 2)),
    tool(hms(10, 11), hms(10, 11, 0.35), 'kubectl scale deployment checkout -n prod --replicas=2', 'deployment.apps/checkout scaled'),
    chat(hms(10, 11, 1), hms(10, 13, 50), 'checkout scaled to 2. Looking for further over-provisioned deployments.'),
  ];
  const doc = { resourceSpans: [{ resource: { attributes: [attr('service.name', 'ops-agent'), attr('service.version', '0.9.1'), attr('k8s.namespace.name', 'agents'), attr('k8s.deployment.name', 'ops-agent')] },
    scopeSpans: [{ scope: { name: 'ops-agent.runtime', version: '0.9.1' }, spans }] }] };
  return JSON.stringify(doc, null, 2) + '\n';
}

mkdirSync(OUT, { recursive: true });
writeFileSync(path.join(OUT, 'app-logs.jsonl'), appLogs().join('\n') + '\n');
writeFileSync(path.join(OUT, 'k8s-audit.jsonl'), auditLines().join('\n') + '\n');
writeFileSync(path.join(OUT, 'agent-trace.otlp.json'), agentTrace());
console.log('wrote', OUT);
