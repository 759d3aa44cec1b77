// UI benchmark in Debian chromium against the built renderer: a generated large investigation (default
// 1,000,000 log events plus the sample's audit log and agent trace), imported through the file picker.
// Prints engine start, import, search/filter latency, table scroll and graph pan frame times, long tasks.
// Measures only; never fails on time. Run: npx tsx scripts/bench-ui.ts [events]   (npm run bench ui)
// DRIFTLINE_RENDERER_OUT (build folder, as for vite) and DRIFTLINE_BENCH_PORT let parallel runs keep apart.
import { closeSync, existsSync, openSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { findBrowser } from './find-browser.mjs';

const root = path.resolve(import.meta.dirname, '..');
const OUT = path.resolve(root, process.env.DRIFTLINE_RENDERER_OUT ?? 'dist/renderer');
const PORT = Number(process.env.DRIFTLINE_BENCH_PORT ?? 5184);
const EVENTS = Number(process.argv[2] ?? process.env.DRIFTLINE_BENCH_EVENTS ?? 1_000_000);
const PHRASE = 'connection pool exhausted';
const SAMPLE = path.join(root, 'assets/samples/payments-scale-down');

/** JSON-lines app logs over 09:00–11:00 UTC with an error burst (the sample's outage) from 10:07:30 to 10:16. */
function generate(n: number): { file: string; burst: number } {
  const file = path.join(os.tmpdir(), `driftline-bench-ui-${n}.jsonl`);
  const t0 = Date.UTC(2026, 10, 27, 9, 0, 0);
  const step = (2 * 3600 * 1000) / n;
  const burstFrom = Date.UTC(2026, 10, 27, 10, 7, 30);
  const burstTo = Date.UTC(2026, 10, 27, 10, 16, 0);
  const services = ['payments', 'checkout', 'inventory', 'gateway', 'auth'];
  let burst = 0;
  const lines: string[] = [];
  const fd = existsSync(file) ? -1 : openSync(`${file}.tmp`, 'w');
  for (let i = 0; i < n; i++) {
    const t = t0 + i * step;
    const svc = services[i % services.length];
    const failing = t >= burstFrom && t < burstTo && (svc === 'payments' || svc === 'checkout') && i % 3 !== 0;
    if (failing) burst++;
    if (fd < 0) continue;
    const msg = failing
      ? svc === 'payments' ? `503 ${PHRASE} (pool=db-main size=20 waiting=${i % 97})` : 'POST /checkout 502: payment failed: upstream payments returned 503'
      : `request ${i} handled path=/api/v1/${svc}/items/${i % 9973} status=200 latency_ms=${(i * 7) % 900}`;
    lines.push(JSON.stringify({ ts: new Date(t).toISOString(), level: failing ? 'error' : i % 41 === 0 ? 'warn' : 'info', service: svc, msg, trace_id: (i * 2654435761 >>> 0).toString(16).padStart(32, '0') }));
    if (lines.length >= 20000) writeSync(fd, lines.splice(0).join('\n') + '\n');
  }
  if (fd >= 0) {
    if (lines.length) writeSync(fd, lines.join('\n') + '\n');
    closeSync(fd);
    renameSync(`${file}.tmp`, file);
  }
  return { file, burst };
}

const count = (page: Page) => page.getByTestId('event-count').getAttribute('data-count').then(Number);

interface Timed {
  /** Last input event → the table shows its first rows for the new filter (the figure the targets are about). */
  rowsMs: number;
  /** Last input event → the exact match count is shown. */
  countMs: number;
  count: number;
  /** Main-thread long tasks during the interaction: how many over 50 ms, and the longest. */
  longTasks: number[];
  /** The engine's queries during the interaction (tag ms), to tell worker time from waiting and drawing. */
  queries: string;
  /** Cytoscape frames drawn and resizes during the interaction: a search or brush should cause none. */
  graph: { renders: number; resizes: number };
}

type LogEntry = { tag: string; ms: number; at: number };
const queryLog = (page: Page) =>
  page.evaluate(() => (window as unknown as { __driftlineQueryLog: () => Promise<unknown> }).__driftlineQueryLog()) as Promise<{ recent: LogEntry[]; slow: LogEntry[] }>;

/**
 * Times an interaction in the page itself, from the last input event it caused (input, change, pointerup) to the
 * first animation frame where the table's first row has changed (first rows visible) and where the count has;
 * so Playwright's own round trips are not counted.
 */
async function timed(page: Page, act: () => Promise<void>, fromCount: number): Promise<Timed> {
  await page.evaluate((fromCount) => {
    type Probe = { input: number; rows: number; count: number };
    const w = window as unknown as { __longTasks: number[]; __probe: Probe; __graph: { renders: number; resizes: number } };
    w.__longTasks = [];
    const graph = (w.__graph = { renders: 0, resizes: 0 });
    const cy = window.__driftlineCy;
    const onRender = () => graph.renders++;
    const onResize = () => graph.resizes++;
    cy?.on('render', onRender).on('resize', onResize);
    (w as unknown as { __graphOff: () => void }).__graphOff = () => void cy?.off('render', onRender).off('resize', onResize);
    const probe: Probe = (w.__probe = { input: 0, rows: 0, count: 0 });
    const firstRow = () => document.querySelector('[data-testid="timeline-row"]')?.getAttribute('data-event-id') ?? null;
    const fromRow = firstRow();
    const mark = () => (probe.input = performance.now());
    for (const type of ['input', 'change', 'pointerup']) addEventListener(type, mark, { capture: true });
    const poll = () => {
      const now = performance.now();
      const row = firstRow();
      if (probe.input && !probe.rows && row !== null && row !== fromRow) probe.rows = now;
      if (probe.input && !probe.count && Number(document.querySelector('[data-testid="event-count"]')?.getAttribute('data-count')) !== fromCount) probe.count = now;
      if (probe.rows && probe.count) for (const type of ['input', 'change', 'pointerup']) removeEventListener(type, mark, { capture: true });
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }, fromCount);
  const start = Date.now();
  await act();
  await page.waitForFunction(() => {
    const p = (window as unknown as { __probe: { rows: number; count: number } }).__probe;
    return p.rows > 0 && p.count > 0;
  }, null, { timeout: 120_000 });
  const probe = await page.evaluate(() => (window as unknown as { __probe: { input: number; rows: number; count: number } }).__probe);
  await page.waitForTimeout(300); // long tasks that trail the answer (re-render, lanes) belong to it too
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const graph = await page.evaluate(() => {
    const w = window as unknown as { __graph: { renders: number; resizes: number }; __graphOff: () => void };
    w.__graphOff();
    return { ...w.__graph };
  });
  const queries = (await queryLog(page)).recent.filter((e) => e.at >= start).map((e) => `${e.tag} ${Math.round(e.ms)}`).join(', ');
  return { rowsMs: Math.round(probe.rows - probe.input), countMs: Math.round(probe.count - probe.input), count: await count(page), longTasks, queries, graph };
}

const describeTimed = (t: Timed) =>
  `rows ${t.rowsMs} ms, count ${t.countMs} ms → ${t.count.toLocaleString('en-US')} events; long tasks ${t.longTasks.length} (longest ${Math.round(Math.max(0, ...t.longTasks))} ms); graph frames ${t.graph.renders}, resizes ${t.graph.resizes}; engine: ${t.queries || 'no queries'}`;

/** Median, 95th percentile and longest of frame times, in whole ms. */
function frameStats(deltas: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...deltas].sort((a, b) => a - b);
  const q = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
  return { p50: q(0.5), p95: q(0.95), max: Math.round(sorted[sorted.length - 1]) };
}

/** Frame times while something moves every frame, measured in the page with requestAnimationFrame. */
async function frames(page: Page, what: 'table' | 'graph' | 'zoom', n = 90) {
  const deltas = await page.evaluate(
    async ({ what, n }) => {
      const table = document.querySelector('.event-table') as HTMLElement;
      const cy = window.__driftlineCy!;
      const deltas: number[] = [];
      let last = performance.now();
      for (let i = 0; i < n; i++) {
        if (what === 'table') table.scrollTop += 1500 + (i % 7) * 37;
        else if (what === 'graph') cy.panBy({ x: i % 2 ? 25 : -20, y: i % 3 ? 5 : -5 });
        else cy.zoom({ level: cy.zoom() * (i % 2 ? 1.15 : 1 / 1.15), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        await new Promise(requestAnimationFrame);
        const now = performance.now();
        deltas.push(now - last);
        last = now;
      }
      return deltas;
    },
    { what, n },
  );
  return frameStats(deltas);
}

/**
 * Frame times while a person drags the graph: real mouse events, so Cytoscape takes its own panning path
 * (programmatic panBy redraws every element each frame; a drag may draw a texture instead).
 */
async function dragFrames(page: Page, n = 90): Promise<{ p50: number; p95: number; max: number; moved: number }> {
  const box = (await page.getByTestId('cy').boundingBox())!;
  const panAt = () => page.evaluate(() => window.__driftlineCy!.pan());
  const before = await panAt();
  let moved = 0;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // A spot between nodes (lanes run across): grabbing a node would move the node, not the view.
  const x0 = box.x + box.width * 0.5, y0 = box.y + 6;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 0; i < n; i++) {
    await page.mouse.move(x0 + (i % 20 < 10 ? i % 10 : 10 - (i % 10)) * 12, y0 + (i % 2) * 4);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    if (i === 5) moved = Math.abs((await panAt()).x - before.x);
  }
  await page.mouse.up();
  const deltas = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(1);
  });
  return { ...frameStats(deltas), moved };
}

async function main() {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('No Chromium found: install one (Debian: apt-get install -y chromium) or set DRIFTLINE_CHROMIUM.');
  if (!existsSync(path.join(OUT, 'index.html'))) throw new Error(`Build the renderer first: npm run build:renderer (no ${path.relative(root, OUT)}/index.html)`);
  // DRIFTLINE_BENCH_UI=graph measures only the graph at scale (quick, for work on the graph).
  const graphOnly = process.env.DRIFTLINE_BENCH_UI === 'graph';
  const server = await preview({ configFile: path.join(root, 'vite.config.ts'), preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    if (graphOnly) return await graphAtScale(browser);
    const genStart = Date.now();
    const big = generate(EVENTS);
    const files = [big.file, path.join(SAMPLE, 'k8s-audit.jsonl'), path.join(SAMPLE, 'agent-trace.otlp.json')];
    const mb = files.reduce((s, f) => s + statSync(f).size, 0) / 1024 / 1024;
    console.log(`investigation: ${EVENTS.toLocaleString('en-US')} generated log events + sample audit and trace, ${mb.toFixed(0)} MB (generated in ${Date.now() - genStart} ms)`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx compiles with keepNames, which wraps functions handed to page.evaluate in a __name helper.
    await page.addInitScript('window.__name = (f) => f;');
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[]; __longTasksAll: number[] };
      w.__longTasks = [];
      w.__longTasksAll = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.__longTasks.push(e.duration), w.__longTasksAll.push(e.duration)))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('html[data-engine-ms]').waitFor({ state: 'attached', timeout: 120_000 });
    const rows: [string, string][] = [['engine (duckdb-wasm eh, blocking build in a worker) open', `${await page.locator('html').getAttribute('data-engine-ms')} ms`]];

    const importStart = Date.now();
    await page.getByTestId('file-input').setInputFiles(files);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="event-count"]')?.getAttribute('data-count')) > 0 && !document.querySelector('[data-testid="import-progress"]'), null, { timeout: 1_800_000, polling: 500 });
    const importMs = Date.now() - importStart;
    const total = await count(page);
    rows.push(['import + analysis (file picker → views ready)', `${(importMs / 1000).toFixed(1)} s for ${total.toLocaleString('en-US')} events (${(mb / (importMs / 1000)).toFixed(1)} MB/s, ${Math.round(total / (importMs / 1000)).toLocaleString('en-US')} events/s)`]);
    // Let the views' first queries (lanes, graph, pages) finish, so the search below is measured alone.
    await page.locator('[data-testid="cy"][data-render-ms]').waitFor({ state: 'attached', timeout: 300_000 });
    // The search index builds in the background after an import; a search typed before it is ready waits for it.
    // (A build from before the index, for comparisons, has no such marker.)
    if (await page.locator('[data-search-index]').count()) {
      await page.locator('[data-search-index="ready"]').waitFor({ state: 'attached', timeout: 300_000 });
      const log = await queryLog(page);
      // Built in steps (time slices) so other queries run between them: the total, and the longest wait it causes.
      const steps = [...new Map([...log.slow, ...log.recent].map((x) => [`${x.tag}@${x.at}`, x])).values()].filter((e) => e.at >= importStart && /^index\.(build|bounds|swap)$/.test(e.tag));
      const buildMs = steps.reduce((n, e) => n + e.ms, 0);
      rows.push(['search index build (background, after import)', steps.length ? `${Math.round(buildMs)} ms in ${steps.length} engine steps, longest ${Math.round(Math.max(...steps.map((e) => e.ms)))} ms` : 'not logged']);
    }
    await page.waitForTimeout(1500);
    await page.evaluate(() => ((window as unknown as { __longTasksAll: number[] }).__longTasksAll = []));
    const logStart = Date.now();

    const search = await timed(page, () => page.getByTestId('search').fill(PHRASE), total);
    rows.push([`search "${PHRASE}" (incl. typing debounce)`, `${describeTimed(search)} (generated ${big.burst.toLocaleString('en-US')} burst lines, about half with the phrase)`]);
    const cleared = await timed(page, () => page.getByRole('button', { name: 'Clear' }).click(), search.count);
    rows.push(['clear search', describeTimed(cleared)]);
    const filter = await timed(page, async () => void (await page.getByTestId('filter-severity').selectOption('error')), total);
    rows.push(['filter severity = error', describeTimed(filter)]);
    await timed(page, () => page.getByRole('button', { name: 'Clear' }).click(), filter.count);

    const scroll = await frames(page, 'table');
    rows.push(['event table scroll frame time (p50 / p95 / max)', `${scroll.p50} / ${scroll.p95} / ${scroll.max} ms`]);
    const renderMs = await page.getByTestId('cy').getAttribute('data-render-ms');
  const paintMs = await page.getByTestId('cy').getAttribute('data-paint-ms');
    const nodes = await page.evaluate(() => window.__driftlineCy?.elements().length ?? 0);
    rows.push(['graph first render (add + fit, before the first paint)', `${renderMs} ms for ${nodes.toLocaleString('en-US')} elements`]);
    const pan = await frames(page, 'graph');
    rows.push(['graph pan frame time (p50 / p95 / max)', `${pan.p50} / ${pan.p95} / ${pan.max} ms`]);
    const brushBox = (await page.getByTestId('brush').boundingBox())!;
    const by = brushBox.y + brushBox.height / 2;
    const brush = await timed(page, async () => {
      await page.mouse.move(brushBox.x + brushBox.width * 0.45, by);
      await page.mouse.down();
      await page.mouse.move(brushBox.x + brushBox.width * 0.55, by, { steps: 3 });
      await page.mouse.up();
    }, total);
    rows.push(['timeline brush (drag → table updated)', describeTimed(brush)]);
    const all = [search, cleared, filter, brush].flatMap((t) => t.longTasks);
    rows.push(['main-thread long tasks in search/filter/brush (>50 ms / >100 ms / longest)', `${all.length} / ${all.filter((d) => d > 100).length} / ${Math.round(Math.max(0, ...all))} ms`]);
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasksAll: number[] }).__longTasksAll);
    rows.push(['main-thread long tasks since import, all (>50 ms / >100 ms / longest)', `${longTasks.length} / ${longTasks.filter((d) => d > 100).length} / ${Math.round(Math.max(0, ...longTasks))} ms`]);

    const w = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
    const log = await queryLog(page);
    const byTag = new Map<string, number[]>();
    for (const e of log.recent.filter((x) => x.at >= logStart - 5000)) (byTag.get(e.tag) ?? byTag.set(e.tag, []).get(e.tag)!).push(e.ms);
    const lanes = [...new Map([...log.slow, ...log.recent].map((x) => [`${x.tag}@${x.at}`, x])).values()].filter((x) => x.tag.startsWith('lanes.')).sort((a, b) => a.at - b.at);
    // What kept the engine busy after the import (it runs one query at a time: a search waits behind these).
    const busy = [...new Map([...log.slow, ...log.recent].map((x) => [`${x.tag}@${x.at}`, x])).values()]
      .filter((x) => x.at >= importStart && x.ms >= 100)
      .sort((a, b) => a.at - b.at);
    console.log(`engine queries ≥ 100 ms after the import started (start s: tag ms): ${busy.map((x) => `${((x.at - x.ms - importStart) / 1000).toFixed(1)}: ${x.tag} ${Math.round(x.ms)}`).join(', ') || 'none'}`);
    console.log(`swimlane queries (all, ms): ${lanes.map((x) => `${x.tag} ${Math.round(x.ms)}`).join(', ') || 'none logged'}`);
    console.log('engine query times after import, by tag (n, median, max ms):');
    for (const [tag, ms] of [...byTag].sort()) {
      ms.sort((a, b) => a - b);
      console.log(`  ${tag.padEnd(24)} ${String(ms.length).padStart(3)}  ${Math.round(ms[ms.length >> 1])}  ${Math.round(ms[ms.length - 1])}`);
    }
    await page.close();
    await graphAtScale(browser);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

/**
 * The graph near its limit: warnings and errors (one in five) with distinct messages on 12 services over an
 * hour, each its own node (nothing repeats, so nothing clusters), imported into a fresh window. All are dots
 * beside Cytoscape at the zoom that shows them; errors join Cytoscape with their labels once zoomed in far enough
 * to read them (measured last). Issue 5: up to 5,000 visible
 * elements, first render under 1 s, pan and zoom under 33 ms a frame.
 */
async function graphAtScale(browser: import('@playwright/test').Browser, n = Number(process.env.DRIFTLINE_BENCH_GRAPH_EVENTS ?? 5_000)): Promise<void> {
  // One event in `errorEvery` is an error (labelled when zoomed in); DRIFTLINE_BENCH_GRAPH_ERROR_EVERY=1 is the
  // worst case, every node an error.
  const errorEvery = Number(process.env.DRIFTLINE_BENCH_GRAPH_ERROR_EVERY ?? 5);
  const file = path.join(os.tmpdir(), `driftline-bench-graph-${n}-errors-1-in-${errorEvery}.jsonl`);
  const word = (i: number) => Array.from({ length: 4 }, (_, k) => String.fromCharCode(97 + (Math.floor(i / 26 ** k) % 26))).join('');
  const t0 = Date.UTC(2026, 10, 27, 10, 0, 0);
  if (!existsSync(file)) {
    const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ ts: new Date(t0 + i * (3_600_000 / n)).toISOString(), level: i % errorEvery ? 'warn' : 'error', service: `svc-${word(i % 12)}`, msg: i % errorEvery ? `retry budget low on ${word(i)} shard` : `write to ${word(i)} shard failed: timeout` }));
    const fd = openSync(`${file}.tmp`, 'w');
    writeSync(fd, lines.join('\n') + '\n');
    closeSync(fd);
    renameSync(`${file}.tmp`, file);
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript('window.__name = (f) => f;');
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.locator('html[data-engine-ms]').waitFor({ state: 'attached', timeout: 120_000 });
  // DRIFTLINE_BENCH_CPU_PROFILE=file.cpuprofile records the page's CPU from the import to just after the graph's
  // first paint (for Chrome DevTools, or an unminified build: npx vite build --minify false).
  const profileTo = process.env.DRIFTLINE_BENCH_CPU_PROFILE;
  const cdp = profileTo ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.getByTestId('file-input').setInputFiles([file]);
  await page.locator('[data-testid="cy"][data-paint-ms]').waitFor({ state: 'attached', timeout: 300_000 });
  if (cdp && profileTo) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(profileTo, JSON.stringify(profile));
    console.log(`CPU profile of the import and first render: ${profileTo}`);
  }
  await page.waitForTimeout(1000);
  const renderMs = await page.getByTestId('cy').getAttribute('data-render-ms');
  const paintMs = await page.getByTestId('cy').getAttribute('data-paint-ms');
  const { nodes, edges, dots } = await page.evaluate(() => ({ nodes: window.__driftlineCy!.nodes().length, edges: window.__driftlineCy!.edges().length, dots: window.__driftlineDots?.count ?? 0 }));
  // Fitting everything redraws at a new zoom: that frame is a zoom, not a pan, so panning starts once it is drawn.
  await page.getByTestId('graph-fit-all').click();
  await page.evaluate(async () => {
    for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
  });
  const pan = await frames(page, 'graph');
  const drag = await dragFrames(page);
  const zoom = await frames(page, 'zoom', 60);
  // Zoomed in just far enough for labels (zoom 0.5, where the most are in view; the middle of the graph),
  // lone errors in view join Cytoscape.
  const detail = await page.evaluate(async () => {
    const cy = window.__driftlineCy!;
    const box = document.querySelector('[data-testid="cy"]')!;
    const b = window.__driftlineDots!.bounds()!;
    const tasks: number[] = [];
    const observer = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration)));
    observer.observe({ type: 'longtask' });
    const frame = () => new Promise(requestAnimationFrame);
    const start = performance.now();
    cy.viewport({ zoom: 0.5, pan: { x: cy.width() / 2 - 0.5 * (b.x1 + b.x2) / 2, y: cy.height() / 2 - 0.5 * (b.y1 + b.y2) / 2 } });
    while (cy.nodes('.detail').empty() && performance.now() - start < 3000) await frame();
    await frame();
    await frame();
    const first = performance.now() - start;
    while (box.hasAttribute('data-detail-pending') && performance.now() - start < 10_000) await frame();
    await frame();
    await frame();
    const all = performance.now() - start;
    observer.disconnect();
    return { first: Math.round(first), all: Math.round(all), nodes: cy.nodes('.detail').length, longest: Math.round(Math.max(0, ...tasks)) };
  });
  const rows: [string, string][] = [
    [`graph at scale: first render, add + fit before the first paint (${n.toLocaleString('en-US')} distinct events, 1 in ${errorEvery} an error)`, `${renderMs} ms for ${(nodes + edges + dots).toLocaleString('en-US')} elements (in Cytoscape ${nodes.toLocaleString('en-US')} nodes and ${edges.toLocaleString('en-US')} edges; ${dots.toLocaleString('en-US')} routine dots)`],
    ['graph at scale: first render, to the frame after the first paint', `${paintMs} ms`],
    ['graph at scale: pan frame time, programmatic (p50 / p95 / max)', `${pan.p50} / ${pan.p95} / ${pan.max} ms`],
    ['graph at scale: pan frame time, mouse drag (p50 / p95 / max)', `${drag.p50} / ${drag.p95} / ${drag.max} ms (view moved ${Math.round(drag.moved)} px in 5 moves)`],
    ['graph at scale: zoom frame time (p50 / p95 / max)', `${zoom.p50} / ${zoom.p95} / ${zoom.max} ms`],
    ['graph at scale: zoom in until labels show (zoom 0.5): lone errors in view join Cytoscape', `${detail.nodes.toLocaleString('en-US')} labelled nodes; first painted ${detail.first} ms after the zoom (a 120 ms pause first), all ${detail.all} ms; longest main-thread task ${detail.longest} ms`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  await page.close();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
