// Import benchmark for a mixed evidence folder: ~100 MB of JSON logs, logfmt, syslog, CRI container
// logs, Kubernetes audit (with request stages to deduplicate), OTLP trace lines and a CloudTrail
// document, imported one file after another as the CLI does. Prints figures; asserts nothing.
// Run: npx tsx scripts/bench-folder.ts [megabytes]   (DRIFTLINE_PARSE_THREADS=0 parses on the importing thread)
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { openNodeDb } from '../main/engine/nodeDb';
import { fileSource, listEvidenceFiles } from '../main/engine/fileSource';
import { defaultPoolSize, nodeHasher, nodeParsePool } from '../main/engine/parsePool';
import { cpuSplit, newThreads, threadCpuSecs } from './benchThreads';
import { migrate } from '../shared/db/schema';
import { importSource, reserveForImport } from '../shared/importers/pipeline';

const TOTAL_MB = Number(process.argv[2] ?? 100);
const DIR = `/tmp/driftline-bench-folder-${TOTAL_MB}`;
const THREADS = Number(process.env.DRIFTLINE_PARSE_THREADS ?? defaultPoolSize());
const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(8, '0').repeat(Math.ceil(width / 8)).slice(0, width);
const svc = (i: number) => ['payments', 'checkout', 'inventory', 'gateway'][i % 4];

/** Each format's share of the folder and how to write its i-th record. */
const FORMATS: { file: string; share: number; line?: (i: number) => string; document?: (bytes: number) => string }[] = [
  {
    file: 'app.jsonl', share: 0.35,
    line: (i) => JSON.stringify({ ts: iso(T0 + i * 5), level: i % 40 === 0 ? 'error' : 'info', service: svc(i), msg: `request ${i} handled status=${i % 40 === 0 ? 503 : 200}`, trace_id: hex(i * 2654435761, 32), span_id: hex(i * 40503, 16), user_id: `u-${i % 5000}` }),
  },
  { file: 'worker.logfmt.log', share: 0.1, line: (i) => `time=${iso(T0 + i * 7)} level=info service=${svc(i)} msg="job ${i} done" duration_ms=${i % 900} queue=q${i % 7}` },
  { file: 'host.syslog', share: 0.1, line: (i) => `<134>1 ${iso(T0 + i * 9)} node-${i % 12} kubelet ${1000 + (i % 50)} ID${i % 97} - pod sync ${i} ok` },
  { file: 'payments_prod_app-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.log', share: 0.1, line: (i) => `${iso(T0 + i * 11).replace('Z', '000000Z')} stdout F GET /api/items/${i % 9973} 200 ${i % 300}ms` },
  {
    file: 'k8s-audit.jsonl', share: 0.2,
    line: (i) => {
      const req = i >> 1;
      return JSON.stringify({
        kind: 'Event', apiVersion: 'audit.k8s.io/v1', level: 'Metadata', auditID: `a-${req}`, stage: i % 2 ? 'ResponseComplete' : 'RequestReceived',
        requestURI: `/apis/apps/v1/namespaces/prod/deployments/${svc(req)}`, verb: req % 10 === 0 ? 'patch' : 'get', user: { username: req % 10 === 0 ? 'alice@example.com' : 'system:serviceaccount:agents:ops-agent' },
        objectRef: { resource: 'deployments', namespace: 'prod', name: svc(req), apiGroup: 'apps', apiVersion: 'v1' },
        responseStatus: i % 2 ? { code: 200 } : undefined, requestReceivedTimestamp: iso(T0 + req * 20), stageTimestamp: iso(T0 + req * 20 + (i % 2) * 3),
      });
    },
  },
  {
    file: 'traces.otlp.jsonl', share: 0.1,
    line: (i) => JSON.stringify({
      resourceSpans: [{
        resource: { attributes: [{ key: 'service.name', value: { stringValue: svc(i) } }] },
        scopeSpans: [{ spans: Array.from({ length: 8 }, (_, k) => ({
          traceId: hex(i * 7919, 32), spanId: hex(i * 8 + k + 1, 16), parentSpanId: k ? hex(i * 8 + 1, 16) : '', name: k ? `db.query ${k}` : 'GET /api/items',
          startTimeUnixNano: String(BigInt(T0 + i * 13) * 1_000_000n + BigInt(k * 1000)), endTimeUnixNano: String(BigInt(T0 + i * 13 + 5) * 1_000_000n), kind: k ? 3 : 2,
          attributes: [{ key: 'http.status_code', value: { intValue: String(200) } }],
        })) }],
      }],
    }),
  },
  {
    file: 'cloudtrail.json', share: 0.05,
    document: (bytes) => {
      const records: string[] = [];
      let size = 0;
      for (let i = 0; size < bytes; i++) {
        const r = JSON.stringify({
          eventVersion: '1.08', eventTime: iso(T0 + i * 1000), eventSource: 'ec2.amazonaws.com', eventName: i % 5 ? 'DescribeInstances' : 'StopInstances', awsRegion: 'eu-west-1',
          userIdentity: { type: 'AssumedRole', arn: `arn:aws:sts::123456789012:assumed-role/agent/session-${i % 9}` }, sourceIPAddress: '10.0.0.7', eventID: `e-${i}`,
          requestParameters: { instancesSet: { items: [{ instanceId: `i-${hex(i, 17)}` }] } },
        });
        records.push(r);
        size += r.length + 1;
      }
      return `{"Records":[\n${records.join(',\n')}\n]}\n`;
    },
  },
];

function generate(): void {
  if (existsSync(DIR)) return;
  console.log(`generating ${DIR} …`);
  const tmp = DIR + '.tmp';
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const f of FORMATS) {
    const bytes = f.share * TOTAL_MB * 1e6;
    let text: string;
    if (f.document) text = f.document(bytes);
    else {
      const lines: string[] = [];
      let size = 0;
      for (let i = 0; size < bytes; i++) {
        const l = f.line!(i);
        lines.push(l);
        size += l.length + 1;
      }
      text = lines.join('\n') + '\n';
    }
    writeFileSync(path.join(tmp, f.file), text);
  }
  renameSync(tmp, DIR);
}

async function main(): Promise<void> {
  generate();
  const files = await listEvidenceFiles([DIR]);
  const totalMb = files.reduce((a, f) => a + statSync(f).size, 0) / 1e6;
  const db = await openNodeDb();
  await migrate(db);
  const load = loadavg();
  const { value: pool, threads: parseThreads } = await newThreads(async () => (THREADS > 0 ? nodeParsePool(THREADS) : undefined));
  const threads0 = threadCpuSecs();
  // As the CLI does: room in the database for the whole folder, made once (see Db.reserve).
  reserveForImport(db, files.map((f) => statSync(f).size));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const rows: string[] = [];
  let events = 0;
  for (const f of files) {
    const t = performance.now();
    const src = await fileSource(f);
    const info = await importSource(db, src, { pool, createHasher: nodeHasher });
    const secs = (performance.now() - t) / 1000;
    events += info.events;
    const mb = info.size / 1e6;
    rows.push(`  ${info.format.padEnd(11)} ${mb.toFixed(1).padStart(6)} MB ${info.events.toLocaleString().padStart(10)} events ${info.merged.toLocaleString().padStart(8)} merged ${secs.toFixed(2).padStart(6)} s ${(mb / secs).toFixed(1).padStart(6)} MB/s`);
  }
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const split = cpuSplit(threads0, threadCpuSecs(), parseThreads);
  pool?.close();
  await db.close();
  console.log(`load average at start: ${load.map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  console.log(`folder: ${DIR} (${files.length} files, ${totalMb.toFixed(0)} MB), ${THREADS} parse thread${THREADS === 1 ? '' : 's'}`);
  for (const r of rows) console.log(r);
  console.log(`total: ${secs.toFixed(2)} s wall (${((cpu.user + cpu.system) / 1e6).toFixed(2)} s cpu, all threads), ${(totalMb / secs).toFixed(1)} MB/s, ${Math.round(events / secs).toLocaleString()} events/s`);
  console.log(split);
  const last = previous();
  if (last && last.threads === THREADS && last.mb === Math.round(totalMb)) console.log(`previous run: ${last.secs.toFixed(2)} s wall, ${(totalMb / last.secs).toFixed(1)} MB/s`);
  writeFileSync(LAST, JSON.stringify({ threads: THREADS, mb: Math.round(totalMb), secs }));
}

const LAST = '/tmp/driftline-bench-folder.last.json';
function previous(): { threads: number; mb: number; secs: number } | null {
  try {
    return JSON.parse(readFileSync(LAST, 'utf8'));
  } catch {
    return null;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
