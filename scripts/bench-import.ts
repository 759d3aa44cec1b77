// Import benchmark: a 1,000,000-line (~300 MB) JSON-lines log through the real pipeline into duckdb-wasm (Node),
// against a plain JSON.parse loop over the same file. Prints figures; asserts nothing.
// Run: npx tsx scripts/bench-import.ts [lines]
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync, openSync, writeSync, closeSync, renameSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { availableParallelism, loadavg } from 'node:os';
import { openNodeDb } from '../main/engine/nodeDb';
import { fileSource } from '../main/engine/fileSource';
import { migrate } from '../shared/db/schema';
import { importSource } from '../shared/importers/pipeline';
import { defaultPoolSize, nodeHasher, nodeParsePool } from '../main/engine/parsePool';
import { cpuSplit, mainThreadCpuSecs, newThreads, threadCpuSecs } from './benchThreads';

const LINES = Number(process.argv[2] ?? 1_000_000);
// Parse threads: the CLI's default (one per core, at most 4); 0 parses on the importing thread.
const THREADS = Number(process.env.DRIFTLINE_PARSE_THREADS ?? defaultPoolSize());
const FILE = `/tmp/driftline-bench-${LINES}.jsonl`;

function generate(): void {
  if (existsSync(FILE)) return;
  console.log(`generating ${FILE} …`);
  const services = ['payments', 'checkout', 'inventory', 'gateway', 'auth'];
  const levels = ['info', 'info', 'info', 'warn', 'error', 'debug'];
  const fd = openSync(FILE + '.tmp', 'w');
  let buf = '';
  const t0 = Date.UTC(2026, 10, 27, 9, 0, 0);
  for (let i = 0; i < LINES; i++) {
    const svc = services[i % services.length];
    const rec = {
      ts: new Date(t0 + i * 3).toISOString(), level: levels[i % levels.length], service: svc,
      msg: `request ${i} handled path=/api/v1/${svc}/items/${i % 9973} status=${i % 50 === 0 ? 503 : 200} latency_ms=${(i * 7) % 900}`,
      trace_id: (i * 2654435761 >>> 0).toString(16).padStart(8, '0').repeat(4), span_id: (i * 40503 >>> 0).toString(16).padStart(16, '0'),
      host: `node-${i % 12}`, region: 'eu-west-1', user_id: `u-${(i * 31) % 100000}`, bytes: (i * 13) % 65536,
    };
    buf += JSON.stringify(rec) + '\n';
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
  renameSync(FILE + '.tmp', FILE);
}

async function parseOnly(): Promise<number> {
  const t = performance.now();
  let n = 0;
  const rl = createInterface({ input: createReadStream(FILE), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line) {
      JSON.parse(line);
      n++;
    }
  }
  return (performance.now() - t) / 1000;
}

async function main(): Promise<void> {
  generate();
  const mb = statSync(FILE).size / 1e6;
  const db = await openNodeDb();
  await migrate(db);
  const loadAtStart = loadavg();
  const { value: pool, threads: parseThreads } = await newThreads(async () => (THREADS > 0 ? nodeParsePool(THREADS) : undefined));
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  const threads0 = threadCpuSecs();
  const main0 = mainThreadCpuSecs();
  const faults0 = process.resourceUsage().minorPageFault;
  const info = await importSource(db, await fileSource(FILE), { pool, createHasher: nodeHasher });
  // How long the importing thread itself was busy: the floor for the wall time once the parse threads keep up.
  const busySecs = mainThreadCpuSecs() - main0;
  // New memory is slow to touch on this machine (~3 ms per MB): the faults say how much the import touched.
  const faults = process.resourceUsage().minorPageFault - faults0;
  const split = cpuSplit(threads0, threadCpuSecs(), parseThreads);
  pool?.close();
  const secs = (performance.now() - t) / 1000;
  // CPU next to wall: on a shared machine the wall clock measures the neighbours too.
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const mem = process.memoryUsage();
  // arrayBuffers includes duckdb-wasm's linear memory, which never shrinks.
  const memLine = `after import: JS heap ${(mem.heapUsed / 1e6).toFixed(0)} MB, JS array buffers ${(mem.arrayBuffers / 1e6).toFixed(0)} MB`;
  const [check] = await db.query<{ n: bigint }>('bench.count', 'SELECT count(*) AS n FROM events');
  await db.close();
  const parseCpu0 = process.cpuUsage();
  const parseSecs = await parseOnly();
  const parseCpu = process.cpuUsage(parseCpu0);
  const parseCpuSecs = (parseCpu.user + parseCpu.system) / 1e6;
  const previous = lastRun();
  // Wall times on a shared machine measure the neighbours too: the load says how much to trust them.
  console.log(`load average at start: ${loadAtStart.map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  console.log(`file: ${FILE} (${mb.toFixed(0)} MB, ${LINES.toLocaleString()} lines)`);
  console.log(`pipeline → duckdb-wasm (${THREADS} parse thread${THREADS === 1 ? '' : 's'}): ${secs.toFixed(2)} s wall (${cpuSecs.toFixed(2)} s cpu, all threads), ${(mb / secs).toFixed(1)} MB/s (${(mb / cpuSecs).toFixed(1)} per cpu s), ${Math.round(info.events / secs).toLocaleString()} events/s (events=${info.events}, errors=${info.errors}, in db=${check.n})`);
  console.log(`importing thread cpu: ${busySecs.toFixed(2)} s (reading, hashing, inserting${THREADS ? '' : ', parsing'}) → ${(mb / busySecs).toFixed(1)} MB/s if the other threads keep up`);
  console.log(`plain JSON.parse loop:  ${parseSecs.toFixed(2)} s wall (${parseCpuSecs.toFixed(2)} s cpu), ${(mb / parseSecs).toFixed(1)} MB/s`);
  console.log(`ratio pipeline/JSON.parse: ${(secs / parseSecs).toFixed(2)}× wall, ${(cpuSecs / parseCpuSecs).toFixed(2)}× cpu   peak RSS: ${rssMb.toFixed(0)} MB (${(rssMb / mb).toFixed(2)}× file)`);
  console.log(memLine);
  console.log(split);
  console.log(`minor page faults during import: ${faults.toLocaleString()} (${(faults * 4096 / 1e6).toFixed(0)} MB of new memory touched, all threads)`);
  if (previous && previous.lines === LINES) {
    console.log(`previous run: ${previous.secs.toFixed(2)} s wall${previous.cpuSecs ? ` (${previous.cpuSecs.toFixed(2)} s cpu)` : ''}, ${(mb / previous.secs).toFixed(1)} MB/s, peak RSS ${previous.rssMb.toFixed(0)} MB`);
  }
  writeFileSync(LAST, JSON.stringify({ lines: LINES, mb, secs, cpuSecs, parseSecs, rssMb, events: info.events }));
}

/** CPU seconds of this process's main thread alone (Linux /proc; Node 20 has no per-thread cpuUsage). */

const LAST = '/tmp/driftline-bench-import.last.txt';

/** The previous run's figures, printed as "before" so a change can be judged from one command. */
function lastRun(): { lines?: number; secs: number; cpuSecs?: number; rssMb: number } | null {
  try {
    const r = JSON.parse(readFileSync(LAST, 'utf8'));
    // Runs from before `lines` was recorded were always of the default million.
    return { lines: r.lines ?? 1_000_000, ...r };
  } catch {
    return null;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
