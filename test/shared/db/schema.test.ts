import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import type { Db } from '../../../shared/db/db';
import { migrate, SCHEMA_VERSION } from '../../../shared/db/schema';

describe('schema migrations', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(() => db.close());

  it('migrates an empty database, inserts an event and reads it back', async () => {
    expect(await migrate(db)).toBe(SCHEMA_VERSION);
    await db.exec('t', `INSERT INTO events (id, source_id, source_line, ts, kind, resource) VALUES (1, 1, 7, 1795860180123456789, 'audit', 'k8s:prod/deployment/payments')`);
    const rows = await db.query('t', 'SELECT id, source_line, ts, resource FROM events');
    expect(rows).toEqual([{ id: 1, source_line: 7, ts: 1795860180123456789n, resource: 'k8s:prod/deployment/payments' }]);
  });

  it('migration 3 adds derived (0 for sources imported before it) and anchoring to sources', async () => {
    const old = await openNodeDb();
    try {
      expect(await migrate(old, 2)).toBe(2);
      await old.exec('t', `INSERT INTO sources (id, path, events, merged, errors) VALUES (1, 'a.jsonl', 5, 1, 0)`);
      expect(await migrate(old)).toBe(SCHEMA_VERSION);
      await old.exec('t', `INSERT INTO sources (id, path, events, merged, derived, errors, anchoring) VALUES (2, 'b.json', 4, 0, 2, 0, '{"kind":"audit"}')`);
      const rows = await old.query('t', 'SELECT id, events, derived, anchoring FROM sources ORDER BY id');
      expect(rows).toEqual([
        { id: 1, events: 5, derived: 0, anchoring: null },
        { id: 2, events: 4, derived: 2, anchoring: '{"kind":"audit"}' },
      ]);
    } finally {
      await old.close();
    }
  });

  it('is idempotent and refuses a newer schema', async () => {
    expect(await migrate(db)).toBe(SCHEMA_VERSION);
    await db.exec('t', `UPDATE meta SET value = '${SCHEMA_VERSION + 1}' WHERE key = 'schema_version'`);
    await expect(migrate(db)).rejects.toThrow(/newer than this Driftline/);
  });
});

describe('statement parameters', () => {
  it('binds a nanosecond bigint beyond 2^53 exactly (duckdb-wasm JSON-encodes parameters)', async () => {
    const db = await openNodeDb();
    try {
      const rows = await db.query<{ v: bigint }>('t', 'SELECT ?::BIGINT AS v', [1795860180123456789n]);
      expect(rows[0].v).toBe(1795860180123456789n);
    } finally {
      await db.close();
    }
  });
});
