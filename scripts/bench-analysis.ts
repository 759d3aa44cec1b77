// Analysis benchmark: synthetic investigations of 100k, 300k and 1M events (mostly logs, ~0.3 % audit
// and agent tool events), loaded straight into the events table, then analyze() timed. Prints seconds and
// events/s per size so growth can be compared with linear. Measures only; never fails on time.
// Run: npx tsx scripts/bench-analysis.ts [sizes...]   (e.g. 100000 1000000)
import { openNodeDb } from '../main/engine/nodeDb';
import { migrate } from '../shared/db/schema';
import { eventsToIpc, type EventColumns } from '../shared/db/eventsArrow';
import { analyze } from '../shared/analysis/analyze';
import { QueryLog, withQueryLog, type Db } from '../shared/db/db';
import type { Nanos, ResourceKey } from '../shared/model/ids';

const DAY_NS = 86_400_000_000_000n;
const START = BigInt(Date.UTC(2026, 10, 27)) * 1_000_000n;
const SA = 'system:serviceaccount:agents:ops-agent';
const SERVICES = Array.from({ length: 20 }, (_, i) => `svc${i}`);

function ev(p: Partial<EventColumns> & Pick<EventColumns, 'ts' | 'kind'>): EventColumns {
  return {
    sourceLine: 0, sourcePointer: '', endTs: null, actor: '', actorType: 'unknown', service: '', resource: '', action: '', severity: 'info',
    message: '', traceId: '', spanId: '', parentSpanId: '', callId: '', attributes: '{}', ...p,
  };
}

/** Logs: callee/caller pairs share trace ids (svc2k calls svc2k+1); 1 % errors. */
function logRow(i: number, total: number): EventColumns {
  const pair = Math.floor(i / 2) % 10;
  const service = i % 2 === 0 ? SERVICES[2 * pair + 1] : SERVICES[2 * pair];
  const error = (i * 2654435761) % 100 === 0;
  return ev({
    ts: (START + (DAY_NS * BigInt(i)) / BigInt(total)) as Nanos, kind: 'log', sourceLine: i + 1, service, actor: service,
    severity: error ? 'error' : 'info', message: error ? 'upstream timeout' : 'request served in 42 ms', traceId: `t${Math.floor(i / 2)}`,
  });
}

/** svc2k calls svc2k+1 (see logRow): the caller of an odd service is the even one before it. */
const callerOf = (svc: string) => { const n = Number(svc.slice(3)); return n % 2 ? `svc${n - 1}` : svc; };

/** One agent episode (9 control events and a burst of 40 error logs): read, someone else's change, the agent's write, the controller's reaction. */
function episode(k: number, at: bigint, line: number): EventColumns[] {
  const svc = SERVICES[(k * 7) % SERVICES.length];
  const res = `k8s:prod/deployment/${svc}` as ResourceKey;
  const s = 1_000_000_000n;
  const t = (sec: bigint) => (at + sec * s) as Nanos;
  const dep = JSON.stringify({ kind: 'Deployment', metadata: { name: svc, namespace: 'prod' }, spec: { replicas: 6 } });
  const agent = { actor: 'ops-agent', actorType: 'agent' as const, service: 'ops-agent', resource: res };
  return [
    ev({ ...agent, ts: t(0n), kind: 'tool_call', action: 'get', callId: `r${k}`, sourceLine: line, attributes: JSON.stringify({ tool: 'kubectl', intent: { facts: {} } }) }),
    ev({ ts: t(0n) + 80_000_000n as Nanos, kind: 'audit', actor: SA, actorType: 'system', resource: res, action: 'get', sourceLine: line + 1, attributes: JSON.stringify({ responseObject: JSON.parse(dep) }) }),
    ev({ ...agent, ts: t(1n), kind: 'tool_result', action: 'observe', callId: `r${k}`, sourceLine: line, attributes: JSON.stringify({ result: dep }) }),
    ev({ ts: t(60n), kind: 'audit', actor: 'alice@example.com', actorType: 'human', resource: res, action: 'patch', sourceLine: line + 2, attributes: JSON.stringify({ objectRef: { subresource: 'scale' }, requestObject: { spec: { replicas: 12 } } }) }),
    ev({ ...agent, ts: t(300n), kind: 'tool_call', action: 'scale', callId: `w${k}`, sourceLine: line + 3, attributes: JSON.stringify({ tool: 'kubectl', intent: { facts: { 'spec.replicas': 2 } } }) }),
    ev({ ts: t(300n) + 150_000_000n as Nanos, kind: 'audit', actor: SA, actorType: 'system', resource: res, action: 'patch', sourceLine: line + 4, attributes: JSON.stringify({ objectRef: { subresource: 'scale' }, requestObject: { spec: { replicas: 2 } } }) }),
    ev({ ...agent, ts: t(301n), kind: 'tool_result', action: 'observe', callId: `w${k}`, sourceLine: line + 3, attributes: JSON.stringify({ result: `deployment.apps/${svc} scaled` }) }),
    ev({ ts: t(302n), kind: 'audit', actor: 'system:serviceaccount:kube-system:replicaset-controller', actorType: 'system', resource: `k8s:prod/pod/${svc}-7d9c8b5f4-abcd${k % 10}` as ResourceKey, action: 'delete', sourceLine: line + 5 }),
    ev({ ts: t(303n), kind: 'audit', actor: 'system:serviceaccount:kube-system:deployment-controller', actorType: 'system', resource: res, action: 'update', sourceLine: line + 6, attributes: JSON.stringify({ objectRef: { subresource: 'status' } }) }),
    // The impact: 20 errors in the scaled service and its caller over the next two minutes, sharing traces,
    // so the chain's onset and propagation queries run at every size.
    ...Array.from({ length: 20 }, (_, j) => [
      ev({ ts: t(320n + BigInt(j * 6)), kind: 'log', service: svc, actor: svc, severity: 'error', message: '503 connection pool exhausted', traceId: `burst${k}-${j}`, sourceLine: line + 7 }),
      ev({ ts: t(320n + BigInt(j * 6)) + 30_000_000n as Nanos, kind: 'log', service: callerOf(svc), actor: callerOf(svc), severity: 'error', message: 'upstream returned 503', traceId: `burst${k}-${j}`, sourceLine: line + 8 }),
    ]).flat(),
  ];
}

async function load(db: Db, total: number): Promise<number> {
  await migrate(db);
  await db.exec('bench.sources', "INSERT INTO sources (id, path, size, sha256, format, confidence, parser_version, events, merged, errors, clock_offset_ns) VALUES (1, 'bench/app.jsonl', 0, '', 'jsonl-log', 1, 1, 0, 0, 0, 0), (2, 'bench/control.jsonl', 0, '', 'k8s-audit', 1, 1, 0, 0, 0, 0)");
  const episodes = Math.max(1, Math.floor(total / 3000));
  // Episode rows (control events plus their error bursts) count towards the total.
  const control: EventColumns[] = [];
  for (let k = 0; k < episodes; k++) control.push(...episode(k, START + (DAY_NS * BigInt(k)) / BigInt(episodes), k * 10 + 1));
  const logs = total - control.length;
  let id = 1;
  await db.insertArrow('events', eventsToIpc(control, { firstId: id, sourceId: 2 }));
  id += control.length;
  for (let start = 0; start < logs; start += 100_000) {
    const rows: EventColumns[] = [];
    for (let i = start; i < Math.min(logs, start + 100_000); i++) rows.push(logRow(i, logs));
    await db.insertArrow('events', eventsToIpc(rows, { firstId: id, sourceId: 1 }));
    id += rows.length;
  }
  return control.length;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  // One small untimed run first, so the first size does not pay for JIT warm-up and wasm start-up.
  const warm = await openNodeDb();
  await load(warm, 10_000);
  await analyze(warm);
  await warm.close();
  console.log('events     episode   load s   analyze s   events/s     divergences  actions  chain edges');
  for (const total of sizes.length ? sizes : [100_000, 300_000, 1_000_000]) {
    const db = await openNodeDb();
    const t0 = performance.now();
    const control = await load(db, total);
    const t1 = performance.now();
    const log = new QueryLog(10_000, 0);
    const out = await analyze(withQueryLog(db, log));
    const t2 = performance.now();
    const secs = (t2 - t1) / 1000;
    console.log(`${String(total).padEnd(10)} ${String(control).padEnd(9)} ${((t1 - t0) / 1000).toFixed(2).padEnd(8)} ${secs.toFixed(2).padEnd(11)} ${Math.round(total / secs).toLocaleString('en').padEnd(12)} ${String(out.divergences.length).padEnd(12)} ${String(out.actions.length).padEnd(8)} ${out.chain.edges.length}`);
    const byTag = new Map<string, number>();
    for (const q of log.recent) byTag.set(q.tag, (byTag.get(q.tag) ?? 0) + q.ms);
    const top = [...byTag].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([t, ms]) => `${t} ${(ms / 1000).toFixed(2)} s`).join(', ');
    console.log(`           SQL time: ${top}; ${log.recent.length} queries`);
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
