// The graph's event query against the real engine (duckdb-wasm Node build): small investigations come row by
// row, large ones pre-aggregate repeated log lines without losing a single event from the counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { migrate } from '../../../shared/db/schema';
import type { Db } from '../../../shared/db/db';
import type { EngineClient } from '../../../renderer/engine/client';
import { graphEvents } from '../../../renderer/queries/graph';

let db: Db;
const tags: string[] = [];
const engine = () => ({ query: (tag: string, sql: string, params?: never[]) => (tags.push(tag), db.query(tag, sql, params)) }) as unknown as EngineClient;
const T0 = 1_795_000_000_000_000_000n;

beforeAll(async () => {
  db = await openNodeDb();
  await migrate(db);
  const rows: string[] = [];
  // 3,000 payments errors over 5 minutes, 1 routine info line each, one agent tool call, and one cited error.
  for (let i = 0; i < 3000; i++) {
    const ts = T0 + BigInt(i) * 100_000_000n;
    rows.push(`(${2 * i + 1}, 1, ${i + 1}, '', ${ts}, NULL, 'log', 'payments', 'system', 'payments', '', '', 'error', '503 connection pool exhausted waiting=${i % 50}', '', '', '', '', '{}')`);
    rows.push(`(${2 * i + 2}, 1, ${i + 1}, '', ${ts}, NULL, 'log', 'payments', 'system', 'payments', '', '', 'info', 'ok ${i}', '', '', '', '', '{}')`);
  }
  rows.push(`(9001, 2, 1, '', ${T0 + 5n}, NULL, 'tool_call', 'ops-agent', 'agent', 'ops-agent', 'k8s:prod/deployment/payments', 'scale', 'info', 'kubectl scale', '', '', '', 'c1', '{}')`);
  await db.exec('fixture', `INSERT INTO events VALUES ${rows.join(',')}`);
});

afterAll(() => db?.close());

describe('graphEvents', () => {
  it('returns every graph-worthy row one by one under the limit, and never routine info lines', async () => {
    const rows = await graphEvents(engine(), [], { individualLimit: 10_000 });
    expect(rows).toHaveLength(3001);
    expect(rows.every((r) => r.severity !== 'info' || r.kind === 'tool_call')).toBe(true);
    // In time order, though the tool call was stored last.
    expect(rows.slice(0, 3).map((r) => r.id)).toEqual([1, 9001, 3]);
    for (let i = 1; i < rows.length; i++) expect(rows[i].ts >= rows[i - 1].ts).toBe(true);
  });

  it('pre-aggregates repeated log lines past the limit, keeping totals, cited events and non-log events', async () => {
    const rows = await graphEvents(engine(), [101], { individualLimit: 1000 });
    expect(rows.length).toBeLessThan(200);
    const total = rows.reduce((n, r) => n + (r.count ?? 1), 0);
    expect(total).toBe(3001);
    expect(rows.find((r) => r.id === 101)?.count ?? 1).toBe(1);
    expect(rows.some((r) => r.id === 9001 && r.kind === 'tool_call')).toBe(true);
    for (let i = 1; i < rows.length; i++) expect(rows[i].ts >= rows[i - 1].ts).toBe(true);
  });

  it('is queried once per state of the events and cited set: a new data version with the same events reuses the rows', async () => {
    const e = engine();
    const first = await graphEvents(e, [101, 7], { version: 1, individualLimit: 1000 });
    tags.length = 0;
    expect(await graphEvents(e, [7, 101], { version: 2, individualLimit: 1000 })).toBe(first);
    expect(tags.filter((t) => t.startsWith('events.'))).toEqual([]);
    const other = await graphEvents(e, [101], { version: 2, individualLimit: 1000 });
    expect(other).not.toBe(first);
    expect(tags).toContain('events.graphGrouped');
  });
});
