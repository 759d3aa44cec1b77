// The event table's queries over the derived event index against the real engine (duckdb-wasm Node build): the
// same rows, counts and positions as straight queries on events, and a rebuild when the events change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { migrate } from '../../../shared/db/schema';
import type { Db } from '../../../shared/db/db';
import type { EngineClient } from '../../../renderer/engine/client';
import { countEvents, HEAD_ROWS, pageEvents, rowIndexOf, rowsByIdSql, SupersededError } from '../../../renderer/queries/events';
import { eventIndex, INDEX_TABLE } from '../../../renderer/queries/eventIndex';
import { laneDensity } from '../../../renderer/queries/lanes';
import { filterWhere } from '../../../renderer/queries/filterSql';
import { NO_FILTER, type EventFilter } from '../../../renderer/state/appState';

let db: Db;
const tags: string[] = [];
const engine = { query: (tag: string, sql: string, params?: never[]) => (tags.push(tag), db.query(tag, sql, params)) } as unknown as EngineClient;
const T0 = 1_795_000_000_000_000_000n;

function row(id: number, ts: bigint, actor: string, service: string, severity: string, message: string, resource = '') {
  return `(${id}, 1, ${id}, '', ${ts}, NULL, 'log', '${actor}', 'system', '${service}', '${resource}', '', '${severity}', '${message}', '', '', '', '', '{}')`;
}

beforeAll(async () => {
  db = await openNodeDb();
  await migrate(db);
  const rows: string[] = [];
  // Ids deliberately out of time order: the table's order is (ts, id), never insertion or id order.
  for (let i = 0; i < 600; i++) {
    const id = 600 - i;
    rows.push(row(id, T0 + BigInt(i % 300) * 1_000_000_000n, '', i % 2 ? 'payments' : 'checkout', i % 10 === 0 ? 'error' : 'info', i % 10 === 0 ? `503 Connection POOL exhausted n=${i}` : `ok ${i}`));
  }
  rows.push(row(1000, T0 + 5n, 'ops-agent', '', 'info', 'kubectl scale', 'k8s:prod/deployment/Payments'));
  await db.exec('fixture', `INSERT INTO events VALUES ${rows.join(',')}`);
});

afterAll(() => db?.close());

/** The pre-index query, as the reference: every matching id in (ts, id) order. */
async function direct(f: EventFilter, on: Db = db): Promise<number[]> {
  const w = filterWhere(f);
  const rows = await on.query<{ id: number }>('ref', `SELECT id FROM events ${w.sql} ORDER BY ts, id`, w.params);
  return rows.map((r) => r.id);
}

describe('event index', () => {
  it('pages, counts and positions match the straight query, for searches in any column and any case', async () => {
    expect(await eventIndex(engine, 1)).toBe(true);
    for (const f of [NO_FILTER, { ...NO_FILTER, severity: 'error' }, { ...NO_FILTER, text: 'pool EXHAUSTED' }, { ...NO_FILTER, text: 'payments' }, { ...NO_FILTER, text: 'DEPLOYMENT/payments' }, { ...NO_FILTER, severity: 'error', text: 'n=1' }]) {
      const want = await direct(f);
      expect(await countEvents(engine, f, 1)).toBe(want.length);
      const page = await pageEvents(engine, f, 5, 7, 1);
      expect(page.map((r) => r.id)).toEqual(want.slice(5, 12));
      const k = Math.min(9, want.length - 1);
      expect(await rowIndexOf(engine, f, want[k], 1)).toBe(k);
    }
  });

  it('filters by service and by resource, alone and with a search, as the straight query does', async () => {
    for (const f of [
      { ...NO_FILTER, service: 'payments' },
      { ...NO_FILTER, service: 'checkout', text: 'pool' },
      { ...NO_FILTER, resource: 'k8s:prod/deployment/Payments' },
      { ...NO_FILTER, resource: 'k8s:prod/deployment/Payments', text: 'kubectl' },
    ]) {
      const want = await direct(f);
      expect(want.length).toBeGreaterThan(0);
      expect(await countEvents(engine, f, 1)).toBe(want.length);
      expect((await pageEvents(engine, f, 0, 1000, 1)).map((r) => r.id)).toEqual(want);
    }
  });

  it('does not match across two columns, and a hidden event has no position', async () => {
    // "checkout" (service) followed by "ok" (message) must not match "checkout\u001fok" or "tok".
    expect(await countEvents(engine, { ...NO_FILTER, text: 'okcheckout' }, 1)).toBe(0);
    expect(await rowIndexOf(engine, { ...NO_FILTER, severity: 'error' }, 1000, 1)).toBeNull();
  });

  it('is reused across data versions while the events are unchanged, and rebuilt when a clock offset moves them', async () => {
    tags.length = 0;
    expect(await eventIndex(engine, 2)).toBe(true);
    await laneDensity(engine, 2);
    await laneDensity(engine, 3);
    expect(tags.filter((t) => t === 'index.build')).toHaveLength(0);
    expect(tags.filter((t) => t === 'lanes.density')).toHaveLength(1);
    await db.exec('offset', 'UPDATE events SET ts = ts + 10 WHERE id = 1000');
    expect(await eventIndex(engine, 4)).toBe(true);
    expect(tags.filter((t) => t === 'index.build')).toHaveLength(1);
    const page = await pageEvents(engine, NO_FILTER, 0, 3, 4);
    expect(page[0].ts).toBe(T0);
  });

  it('gives every event to exactly one lane and bucket', async () => {
    const d = await laneDensity(engine, 4, 'actor', 10);
    expect(d.rows.reduce((n, r) => n + r.n, 0)).toBe(601);
    expect(d.rows.every((r) => r.bucket >= 0 && r.bucket < 10)).toBe(true);
    expect(new Set(d.rows.map((r) => r.lane))).toEqual(new Set(['ops-agent', 'svc:payments', 'svc:checkout']));
    expect(d.rows.filter((r) => r.lane === 'svc:checkout').reduce((n, r) => n + r.errors, 0)).toBe(60);
  });

  it('gives every event to one lane by service or by resource too', async () => {
    const byService = await laneDensity(engine, 4, 'service', 10);
    expect(byService.rows.reduce((n, r) => n + r.n, 0)).toBe(601);
    // The agent's event names no service: its lane is the actor's.
    expect(new Set(byService.rows.map((r) => r.lane))).toEqual(new Set(['ops-agent', 'svc:payments', 'svc:checkout']));
    const byResource = await laneDensity(engine, 4, 'resource', 10);
    expect(byResource.rows.reduce((n, r) => n + r.n, 0)).toBe(601);
    expect(new Set(byResource.rows.map((r) => r.lane))).toEqual(new Set(['k8s:prod/deployment/Payments', '(no resource)']));
  });
});

describe('event index over several row groups', () => {
  let big: Db;
  const bigTags: string[] = [];
  let onAnswer: ((tag: string) => void) | null = null;
  const bigEngine = {
    query: (tag: string, sql: string, params?: never[]) => (bigTags.push(tag), big.query(tag, sql, params).then((rows) => (onAnswer?.(tag), rows))),
  } as unknown as EngineClient;

  beforeAll(async () => {
    big = await openNodeDb();
    await migrate(big);
    // 300,000 events (three DuckDB row groups) inserted newest first, one in 7 an error mentioning a pool.
    await big.exec(
      'fixture',
      `INSERT INTO events (id, source_id, source_line, ts, kind, actor, actor_type, service, resource, action, severity, message)
       SELECT i, 1, i, ${T0} - i * 1000, 'log', '', 'system', 'payments', '', '', CASE WHEN i % 7 = 0 THEN 'error' ELSE 'info' END,
              CASE WHEN i % 7 = 0 THEN 'Pool exhausted ' || i ELSE 'ok' END
         FROM range(300000) r(i)`,
    );
    // 70,000 events at one instant (more than a build slice: a slice boundary must not split them) and 3 untimed.
    await big.exec(
      'fixture',
      `INSERT INTO events (id, source_id, source_line, ts, kind, actor, actor_type, service, resource, action, severity, message)
       SELECT 400000 + i, 2, i, CASE WHEN i < 70000 THEN ${T0} + 1000 ELSE NULL END, 'log', '', 'system', 'checkout', '', '', 'info',
              CASE WHEN i % 1000 = 0 THEN 'pool tie ' || i ELSE 'tie' END
         FROM range(70003) r(i) ORDER BY i DESC`,
    );
  });

  afterAll(() => big?.close());

  it('answers pages deep in the table, filtered or not, in time order', async () => {
    expect(await eventIndex(bigEngine, 1)).toBe(true);
    const all = await pageEvents(bigEngine, NO_FILTER, 200_000, 5, 1);
    // Oldest first: position 200,000 is the event inserted 100,000th from the end.
    expect(all.map((r) => r.id)).toEqual([99_999, 99_998, 99_997, 99_996, 99_995]);
    const errors = await pageEvents(bigEngine, { ...NO_FILTER, text: 'pool' }, 30_000, 3, 1);
    const want = await direct({ ...NO_FILTER, text: 'pool' }, big);
    expect(errors.map((r) => r.id)).toEqual(want.slice(30_000, 30_003));
    expect(await countEvents(bigEngine, { ...NO_FILTER, severity: 'error' }, 1)).toBe(want.length - 71);
  });

  it('is built in slices that together hold every event once, in (ts, id) order, untimed last', async () => {
    expect(await eventIndex(bigEngine, 1)).toBe(true);
    expect(bigTags.filter((t) => t === 'index.build').length).toBeGreaterThan(3);
    const indexed = await big.query<{ id: number }>('t', `SELECT id FROM ${INDEX_TABLE} ORDER BY rowid`);
    expect(indexed.map((r) => r.id)).toEqual(await direct(NO_FILTER, big));
    expect(indexed.slice(-3).map((r) => r.id)).toEqual([470000, 470001, 470002]);
  });

  it('counts a search and finds its first page in one scan, the same rows as the straight query', async () => {
    for (const text of ['pool', 'POOL TIE', 'exhausted 29999', 'nothing like this']) {
      const f = { ...NO_FILTER, text };
      const want = await direct(f, big);
      bigTags.length = 0;
      const [n, first, second] = await Promise.all([countEvents(bigEngine, f, 1), pageEvents(bigEngine, f, 0, HEAD_ROWS, 1), pageEvents(bigEngine, f, 10, 5, 1)]);
      expect(n).toBe(want.length);
      expect(first.map((r) => r.id)).toEqual(want.slice(0, HEAD_ROWS));
      expect(second.map((r) => r.id)).toEqual(want.slice(10, 15));
      expect(bigTags.filter((t) => t.startsWith('events.') && t !== 'events.page')).toEqual(['events.head']);
    }
    // Past the first page, pages are read from the index as before.
    const want = await direct({ ...NO_FILTER, text: 'pool' }, big);
    const deep = await pageEvents(bigEngine, { ...NO_FILTER, text: 'pool' }, HEAD_ROWS + 3, 4, 1);
    expect(deep.map((r) => r.id)).toEqual(want.slice(HEAD_ROWS + 3, HEAD_ROWS + 7));
  });

  it('sends no query for a filter that a newer one replaced before the engine got to it', async () => {
    const abort = new AbortController();
    abort.abort();
    bigTags.length = 0;
    await expect(pageEvents(bigEngine, { ...NO_FILTER, text: 'superseded' }, 0, 10, 1, abort.signal)).rejects.toBeInstanceOf(SupersededError);
    await expect(countEvents(bigEngine, { ...NO_FILTER, text: 'superseded' }, 1, abort.signal)).rejects.toBeInstanceOf(SupersededError);
    expect(bigTags.filter((t) => t.startsWith('events.'))).toEqual([]);
  });

  it('runs one search scan at a time: a search replaced while an earlier one runs never reaches the engine', async () => {
    const [a, b, c] = [new AbortController(), new AbortController(), new AbortController()];
    bigTags.length = 0;
    const first = countEvents(bigEngine, { ...NO_FILTER, text: 'exhausted 1' }, 1, a.signal);
    const typed = countEvents(bigEngine, { ...NO_FILTER, text: 'exhausted 12' }, 1, b.signal);
    const last = countEvents(bigEngine, { ...NO_FILTER, text: 'exhausted 123' }, 1, c.signal);
    // The second search is replaced only when the first one's answer comes back: it must not have been sent yet.
    onAnswer = (tag) => tag === 'events.head' && b.abort();
    await expect(typed).rejects.toBeInstanceOf(SupersededError);
    onAnswer = null;
    expect(await first).toBe((await direct({ ...NO_FILTER, text: 'exhausted 1' }, big)).length);
    expect(await last).toBe((await direct({ ...NO_FILTER, text: 'exhausted 123' }, big)).length);
    expect(bigTags.filter((t) => t === 'events.head')).toHaveLength(2);
  });
});

describe('rowsByIdSql', () => {
  it('scans one id range per run of nearby ids, listing ids only where a run has gaps', () => {
    const sql = rowsByIdSql([5, 3, 4, 1_000_001, 1_000_009, 4]);
    expect(sql).toContain('id BETWEEN 3 AND 5 UNION ALL');
    expect(sql).not.toContain('IN (3,4,5)');
    expect(sql).toContain('id BETWEEN 1000001 AND 1000009 AND id IN (1000001,1000009)');
    expect(sql).toMatch(/ORDER BY ts, id$/);
  });

  it('falls back to one list when ids are scattered over many runs', () => {
    const sql = rowsByIdSql(Array.from({ length: 40 }, (_, i) => i * 100_000));
    expect(sql).not.toContain('UNION ALL');
    expect(sql).toContain('id IN (0,100000,');
  });
});
