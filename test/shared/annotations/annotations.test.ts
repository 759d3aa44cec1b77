import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import type { Db } from '../../../shared/db/db';
import { migrate, SCHEMA_VERSION } from '../../../shared/db/schema';
import { nanos } from '../../../shared/model/ids';
import {
  addManualEvent, addNote, current, deleteAnnotation, editNote, foldAnnotations, effectiveClassification, history,
  markRole, overrideClassification, setLinkStatus, linkId,
} from '../../../shared/annotations';

const alice = { author: 'alice', at: '2026-11-28T09:00:00.000Z' };
const bob = { author: 'bob', at: '2026-11-28T09:05:00.000Z' };

describe('migration 2 (annotation_versions)', () => {
  it('migrates a v1 database that holds data, keeps the data, and accepts annotations', async () => {
    const db = await openNodeDb();
    try {
      expect(await migrate(db, 1)).toBe(1);
      await db.exec('t', `INSERT INTO events (id, source_id, source_line, ts, kind, message) VALUES (1, 1, 3, 1795860180000000000, 'log', 'hello')`);
      await db.exec('t', `INSERT INTO sources (id, path, size, sha256, format) VALUES (1, 'app.jsonl', 10, 'ab', 'jsonl')`);
      expect(await migrate(db)).toBe(SCHEMA_VERSION);
      expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
      expect(await db.query('t', 'SELECT id, source_line, ts, message FROM events')).toEqual([
        { id: 1, source_line: 3, ts: 1795860180000000000n, message: 'hello' },
      ]);
      expect(await db.query('t', 'SELECT path FROM sources')).toEqual([{ path: 'app.jsonl' }]);
      const note = await addNote(db, { type: 'event', id: '1' }, { bodyMd: 'first', tags: ['x'] }, alice);
      expect(await current(db)).toEqual([note]);
    } finally {
      await db.close();
    }
  });
});

describe('annotation verbs', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
    await migrate(db);
  });
  afterAll(() => db.close());

  it('keeps every version of a note, with author and time, and current() shows the latest', async () => {
    const n = await addNote(db, { type: 'divergence', id: 'div-1' }, { bodyMd: 'The agent *never* re-read it.' }, alice);
    await editNote(db, n.id, { bodyMd: 'The agent never re-read the deployment.', tags: ['stale'] }, bob);
    const h = await history(db, n.id);
    expect(h.map((v) => [v.version, v.author, v.at, v.bodyMd])).toEqual([
      [1, 'alice', alice.at, 'The agent *never* re-read it.'],
      [2, 'bob', bob.at, 'The agent never re-read the deployment.'],
    ]);
    const now = (await current(db)).find((a) => a.id === n.id);
    expect(now?.bodyMd).toBe('The agent never re-read the deployment.');
    expect(now?.tags).toEqual(['stale']);
  });

  it('deletes by appending a flagged version, so history still has the text', async () => {
    const n = await addNote(db, { type: 'resource', id: 'k8s:prod/deployment/payments' }, { bodyMd: 'to delete' }, alice);
    await deleteAnnotation(db, n.id, bob);
    expect((await current(db)).some((a) => a.id === n.id)).toBe(false);
    expect((await current(db, { includeDeleted: true })).find((a) => a.id === n.id)?.deleted).toBe(true);
    expect((await history(db, n.id)).map((v) => v.bodyMd)).toEqual(['to delete', 'to delete']);
    const again = await addNote(db, { type: 'event', id: '9' }, { bodyMd: 'new' }, alice);
    expect(again.id).not.toBe(n.id);
  });

  it('records link verdicts, roles and a classification override, and folds them', async () => {
    const link = linkId({ from: 'n-call', to: 'n-write' });
    await setLinkStatus(db, link, 'rejected', 'wrong call', alice);
    await setLinkStatus(db, link, 'confirmed', 'call id matches the audit record', bob);
    await markRole(db, { type: 'divergence', id: 'div-1' }, 'root_cause', 'acted on a 7 minute old read', alice);
    await markRole(db, { type: 'event', id: '5' }, 'contributing', 'no review gate', alice);
    await markRole(db, { type: 'event', id: '5' }, 'none', 'not a factor after all', bob);
    await overrideClassification(db, 'missing_context', 'the agent had no traffic signal at all', bob);
    await expect(overrideClassification(db, 'stale_context', '  ', bob)).rejects.toThrow(/rationale/);

    const state = foldAnnotations(await current(db));
    expect(state.links.get(link)).toEqual({ status: 'confirmed', reason: 'call id matches the audit record', author: 'bob', at: bob.at });
    expect(state.roles.get('divergence:div-1')?.role).toBe('root_cause');
    expect(state.roles.has('event:5')).toBe(false);
    const eff = effectiveClassification([{ class: 'stale_context', confidence: 0.9, rationale: 'r' }], state);
    expect(eff).toMatchObject({ cls: 'missing_context', overriddenBy: 'bob', original: { class: 'stale_context' } });
    expect((await history(db, `link:${link}`)).map((v) => v.linkStatus)).toEqual(['rejected', 'confirmed']);
  });

  it('adds a manual event as a normal events row under source 0 and records who added it', async () => {
    await db.exec('t', `INSERT INTO events (id, source_id, source_line, ts, kind) VALUES (41, 1, 1, 1, 'log')`);
    const ts = nanos(1795860060000000000n);
    const { eventId, annotation } = await addManualEvent(db, { ts, message: 'on-call decided to stop the agent', actor: 'bob@example.com', actorType: 'human' }, bob);
    expect(eventId).toBe(42);
    const rows = await db.query('t', 'SELECT source_id, kind, ts, actor, message FROM events WHERE id = 42');
    expect(rows).toEqual([{ source_id: 0, kind: 'manual', ts, actor: 'bob@example.com', message: 'on-call decided to stop the agent' }]);
    expect(annotation).toMatchObject({ kind: 'manual_event', targetId: '42', author: 'bob', at: bob.at });
    expect(foldAnnotations(await current(db)).manualEventIds.has(42)).toBe(true);
  });

  it('refuses to rewrite a version number (append-only key)', async () => {
    const n = await addNote(db, { type: 'chain', id: 'chain' }, { bodyMd: 'x' }, alice);
    await expect(db.exec('t', `INSERT INTO annotation_versions (id, kind, target_type, target_id, version, author, "at") VALUES ('${n.id}', 'note', 'chain', 'chain', 1, 'mallory', 'now')`)).rejects.toThrow();
  });
});
