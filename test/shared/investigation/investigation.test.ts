import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSource } from '../../../main/engine/fileSource';
import { openNodeDb } from '../../../main/engine/nodeDb';
import type { Db } from '../../../shared/db/db';
import { migrate, SCHEMA_VERSION } from '../../../shared/db/schema';
import { addManualEvent, addNote, current, history, markRole, overrideClassification, setLinkStatus } from '../../../shared/annotations';
import { nanos } from '../../../shared/model/ids';
import {
  decodeContainer, HASH_PLACEHOLDER, openInvestigation, saveInvestigation, sha256Hex, verifyInvestigation,
  InvestigationTamperedError, type InvestigationManifest,
} from '../../../shared/investigation';
import { encodeContainer } from '../../../shared/investigation/container';
import { listTables, SLICE_ROWS } from '../../../shared/investigation/tableIo';
import { ANALYSIS, loadIncident } from '../../fixtures/export/incident';

const stamp = { author: 'carol', at: '2026-11-28T08:00:00.000Z' };
const extras = { appVersion: '0.1.0', createdAt: '2026-11-28T07:00:00.000Z', savedAt: '2026-11-28T08:30:00.000Z', analysis: ANALYSIS, views: [{ name: 'errors only', filter: "severity = 'error'" }], queries: [{ name: 'q', sql: 'SELECT 1' }] };

async function dumpAll(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of await listTables(db)) out[t] = await db.query('t', `SELECT * FROM "${t}" ORDER BY ALL`);
  return out;
}

/** Rewrites the manifest and reseals it, as a forger (or an older/newer Driftline) would. */
async function reseal(bytes: Uint8Array, change: (m: InvestigationManifest) => void): Promise<Uint8Array> {
  const file = decodeContainer(bytes);
  const m = structuredClone(file.manifest);
  change(m);
  m.sha256 = HASH_PLACEHOLDER;
  m.sha256 = await sha256Hex(new TextEncoder().encode(JSON.stringify(m)));
  return encodeContainer(new TextEncoder().encode(JSON.stringify(m)), m.sections.map((s) => ({ offset: s.offset, bytes: file.section(s.name) })));
}

describe('.driftline investigation file', () => {
  let db: Db;
  let saved: Uint8Array;
  beforeAll(async () => {
    db = await openNodeDb();
    await migrate(db);
    await loadIncident(db);
    await addNote(db, { type: 'divergence', id: 'div-1' }, { bodyMd: 'Agent never re-read.', tags: ['stale'] }, stamp);
    await setLinkStatus(db, 'n-call->n-write', 'confirmed', 'call id matches', stamp);
    await markRole(db, { type: 'divergence', id: 'div-1' }, 'root_cause', 'stale read', stamp);
    await overrideClassification(db, 'stale_context', 'agreed', { ...stamp, at: '2026-11-28T08:01:00.000Z' });
    await addManualEvent(db, { ts: nanos(1795860060000000000n), message: 'on-call decided to stop the agent' }, stamp);
    saved = await saveInvestigation(db, extras);
  });
  afterAll(() => db.close());

  it('round-trips every table, every annotation version, the analysis, views and queries', async () => {
    const db2 = await openNodeDb();
    try {
      const opened = await openInvestigation(db2, saved);
      expect(opened.altered).toEqual([]);
      expect(opened.manifest.schema_version).toBe(SCHEMA_VERSION);
      expect(opened.analysis).toEqual(ANALYSIS);
      expect(opened.views).toEqual(extras.views);
      expect(opened.queries).toEqual(extras.queries);
      const before = await dumpAll(db);
      expect(Object.keys(before)).toEqual(expect.arrayContaining(['events', 'sources', 'raw_records', 'import_errors', 'annotation_versions']));
      expect(before.events.length).toBe(13);
      expect(await dumpAll(db2)).toEqual(before);
      expect(await current(db2)).toEqual(await current(db));
      expect(await history(db2, 'classification')).toEqual(await history(db, 'classification'));
    } finally {
      await db2.close();
    }
  });

  it('leaves temporary tables out, even one renamed into place (the search index is built that way)', async () => {
    await db.exec('t', 'CREATE TEMP TABLE idx_staging AS SELECT 1 AS x; ALTER TABLE idx_staging RENAME TO idx_built; CREATE TEMP TABLE idx_plain AS SELECT 2 AS y');
    try {
      const tables = await listTables(db);
      expect(tables).toContain('events');
      expect(tables).not.toContain('idx_built');
      expect(tables).not.toContain('idx_plain');
      const db2 = await openNodeDb();
      try {
        await openInvestigation(db2, await saveInvestigation(db, extras));
        expect(await listTables(db2)).toEqual(tables);
      } finally {
        await db2.close();
      }
    } finally {
      await db.exec('t', 'DROP TABLE idx_built; DROP TABLE idx_plain');
    }
  });

  it('starts every section on an 8-byte boundary, so Arrow reads the tables in place', () => {
    const file = decodeContainer(saved);
    const starts = file.manifest.sections.map((s) => file.section(s.name).byteOffset % 8);
    expect(starts).toEqual(file.manifest.sections.map(() => 0));
  });

  it('records sources, sections with hashes, and times that were passed in', async () => {
    const { manifest, altered } = await verifyInvestigation(saved);
    expect(altered).toEqual([]);
    expect(manifest.created_at).toBe(extras.createdAt);
    expect(manifest.saved_at).toBe(extras.savedAt);
    expect(manifest.sources.map((s) => [s.path, s.sha256, s.clock_offset_ns])).toEqual([
      ['agent-trace.otlp.json', 'a'.repeat(64), '0'], ['k8s-audit.jsonl', 'b'.repeat(64), '0'], ['app-logs.jsonl', 'c'.repeat(64), '250000000'],
    ]);
    expect(manifest.sections.find((s) => s.name === 'table:events')?.rows).toBe(13);
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.sha256).not.toBe(HASH_PLACEHOLDER);
  });

  it('names the section that was altered and refuses to open it', async () => {
    const file = decodeContainer(saved);
    const events = file.section('table:events');
    const tampered = saved.slice();
    const at = events.byteOffset - saved.byteOffset + Math.floor(events.length / 2);
    tampered[at] ^= 0x01;
    expect((await verifyInvestigation(tampered)).altered).toEqual(['table:events']);
    const db2 = await openNodeDb();
    try {
      await expect(openInvestigation(db2, tampered)).rejects.toThrow(InvestigationTamperedError);
      await expect(openInvestigation(db2, tampered)).rejects.toThrow(/table:events/);
      // Loaded while hashing, then dropped: nothing of the altered file stays behind.
      expect(await listTables(db2)).toEqual([]);
    } finally {
      await db2.close();
    }
  });

  it('detects a changed manifest (a source hash rewritten) through the seal', async () => {
    const { manifestBytes } = decodeContainer(saved);
    const at = new TextDecoder().decode(manifestBytes).indexOf('c'.repeat(64)); // ASCII manifest: char index = byte index
    expect(at).toBeGreaterThan(0);
    const forged = saved.slice();
    forged.fill('d'.charCodeAt(0), manifestBytes.byteOffset - saved.byteOffset + at, manifestBytes.byteOffset - saved.byteOffset + at + 64);
    expect((await verifyInvestigation(forged)).altered).toEqual(['manifest']);
  });

  it('refuses a file from a newer schema with a clear message, and a file that is not one', async () => {
    const newer = await reseal(saved, (m) => { m.schema_version = SCHEMA_VERSION + 1; m.app_version = '9.0.0'; });
    const db2 = await openNodeDb();
    try {
      await expect(openInvestigation(db2, newer)).rejects.toThrow(/schema version \d+, newer than this Driftline supports.*Update Driftline/);
      await expect(openInvestigation(db2, new TextEncoder().encode('{"not":"a driftline file"}'))).rejects.toThrow(/Not a Driftline investigation file/);
      await expect(openInvestigation(db2, saved.subarray(0, saved.length - 100))).rejects.toThrow(/truncated/);
    } finally {
      await db2.close();
    }
  });

  it('opens a file saved at schema version 1 and migrates it', async () => {
    const old = await openNodeDb();
    const db2 = await openNodeDb();
    try {
      await migrate(old, 1);
      await loadIncident(old);
      const bytes = await saveInvestigation(old, { appVersion: '0.0.9', savedAt: '2026-11-01T00:00:00.000Z' });
      expect(decodeContainer(bytes).manifest.schema_version).toBe(1);
      const opened = await openInvestigation(db2, bytes);
      expect(opened.migratedFrom).toBe(1);
      expect(opened.analysis).toBeNull();
      const [{ value }] = await db2.query<{ value: string }>('t', "SELECT value FROM meta WHERE key = 'schema_version'");
      expect(Number(value)).toBe(SCHEMA_VERSION);
      expect(await db2.query('t', 'SELECT count(*)::INT AS n FROM events')).toEqual([{ n: 12 }]);
      await addNote(db2, { type: 'event', id: '3' }, { bodyMd: 'works after migration' }, stamp);
      expect((await current(db2)).map((a) => a.bodyMd)).toEqual(['works after migration']);
    } finally {
      await old.close();
      await db2.close();
    }
  });

  it('saves through plain rows on an engine without queryIpc, with the same content', async () => {
    const rowsOnly: Db = { query: db.query.bind(db), exec: db.exec.bind(db), insertArrow: db.insertArrow.bind(db), close: async () => {} };
    const bytes = await saveInvestigation(rowsOnly, extras);
    const db2 = await openNodeDb();
    try {
      await openInvestigation(db2, bytes);
      expect(await dumpAll(db2)).toEqual(await dumpAll(db));
    } finally {
      await db2.close();
    }
  });

  it('replaces what the target database held', async () => {
    const db2 = await openNodeDb();
    try {
      await migrate(db2);
      await db2.exec('t', "INSERT INTO events (id, kind, message) VALUES (999, 'log', 'left over')");
      await openInvestigation(db2, saved);
      expect(await db2.query('t', 'SELECT count(*)::INT AS n FROM events WHERE id = 999')).toEqual([{ n: 0 }]);
    } finally {
      await db2.close();
    }
  });
});

describe('opening an altered file into a database that holds an investigation', () => {
  it('leaves the current investigation untouched', async () => {
    const db = await openNodeDb();
    try {
      await migrate(db);
      await loadIncident(db);
      const bytes = await saveInvestigation(db, extras);
      const file = decodeContainer(bytes);
      const raw = file.section('table:raw_records');
      const tampered = bytes.slice();
      tampered[raw.byteOffset - bytes.byteOffset + raw.length - 20] ^= 0x01;
      await expect(openInvestigation(db, tampered)).rejects.toThrow(/table:raw_records/);
      expect(await db.query('t', 'SELECT count(*)::INT AS n FROM events')).toEqual([{ n: 12 }]);
    } finally {
      await db.close();
    }
  });
});

describe('.driftline dictionary-encoded columns', () => {
  it('round-trips text columns saved as dictionaries: quotes, empty strings, NULLs, >255 distinct values', async () => {
    const db = await openNodeDb();
    await migrate(db);
    // service: 300 distinct values (wider than a one-byte dictionary index); severity: 3 incl. a quote;
    // message: every value distinct, so it stays plain text.
    await db.exec('t', `INSERT INTO events (id, source_id, source_line, ts, kind, service, severity, message, actor)
      SELECT i, 1, i + 1, i, 'log', 'svc-' || (i % 300), CASE i % 3 WHEN 0 THEN 'o''brien' WHEN 1 THEN '' ELSE 'info' END,
        'message ' || i, CASE WHEN i % 2 = 0 THEN NULL ELSE 'a' END FROM range(2000) t(i)`);
    const before = await dumpAll(db);
    const bytes = await saveInvestigation(db, extras);
    await db.close();
    const fresh = await openNodeDb();
    await openInvestigation(fresh, bytes);
    expect(await dumpAll(fresh)).toEqual(before);
    const types = await fresh.query<{ data_type: string }>('t', "SELECT DISTINCT data_type FROM information_schema.columns WHERE table_name = 'events' AND column_name IN ('service', 'severity', 'actor')");
    expect(types).toEqual([{ data_type: 'VARCHAR' }]);
    await fresh.close();
  });
});

describe('.driftline tables larger than one slice, read from disk', () => {
  const ROWS = SLICE_ROWS * 2 + 100;
  let dir: string;
  let file: string;
  let expected: unknown[];
  beforeAll(async () => {
    const db = await openNodeDb();
    await migrate(db);
    await db.exec('t', `INSERT INTO events (id, source_id, source_line, ts, kind, severity, message)
      SELECT i, 1, i + 1, i, 'log', CASE WHEN i % 10 = 0 THEN 'error' ELSE 'info' END, 'message ' || i FROM range(${ROWS}) t(i)`);
    // A deleted range leaves a gap in the rowids: the slices must neither lose nor repeat rows around it.
    await db.exec('t', `DELETE FROM events WHERE id BETWEEN ${SLICE_ROWS - 5} AND ${SLICE_ROWS + 5}`);
    expected = await db.query('t', 'SELECT count(*)::INT AS n, sum(id)::BIGINT AS ids, count(*) FILTER (severity = \'error\')::INT AS errors FROM events');
    dir = mkdtempSync(path.join(tmpdir(), 'driftline-slices-'));
    file = path.join(dir, 'big.driftline');
    writeFileSync(file, await saveInvestigation(db, extras));
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('saves the table as ordered slices, each with its rows and hash', async () => {
    const { manifest, altered } = await verifyInvestigation(await fileSource(file));
    expect(altered).toEqual([]);
    const slices = manifest.sections.filter((s) => s.table === 'events');
    expect(slices.map((s) => s.name)).toEqual(['table:events', 'table:events/2', 'table:events/3']);
    expect(slices.reduce((n, s) => n + (s.rows ?? 0), 0)).toBe(ROWS - 11);
  });

  it('opens from the file piece by piece with every row, in the saved order', async () => {
    const db = await openNodeDb();
    try {
      await openInvestigation(db, await fileSource(file));
      expect(await db.query('t', 'SELECT count(*)::INT AS n, sum(id)::BIGINT AS ids, count(*) FILTER (severity = \'error\')::INT AS errors FROM events')).toEqual(expected);
      const outOfOrder = await db.query<{ n: number }>('t', 'SELECT count(*)::INT AS n FROM (SELECT id, lag(id) OVER (ORDER BY rowid) AS prev FROM events) WHERE id < prev');
      expect(outOfOrder).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  });

  it('refuses a file with one altered slice and keeps none of its tables', async () => {
    const bytes = new Uint8Array(readFileSync(file));
    const second = decodeContainer(bytes).section('table:events/2');
    bytes[second.byteOffset + Math.floor(second.length / 2)] ^= 0x01;
    const altered = path.join(dir, 'altered.driftline');
    writeFileSync(altered, bytes);
    const db = await openNodeDb();
    try {
      await expect(openInvestigation(db, await fileSource(altered))).rejects.toThrow(/table:events\/2 no longer matches/);
      expect(await listTables(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
