// GCP audit exports and Responses API logs come as JSON lines or as one document: JSON lines are read line by
// line (each record out as soon as its line is in, each error on its line), documents still whole.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { importSource } from '../../../shared/importers/pipeline';
import { JobRunner, type ParsePool } from '../../../shared/importers/parallel';
import { detectFormat } from '../../../shared/importers/registry';
import { gcpAudit } from '../../../shared/importers/gcp-audit';
import { responsesApi } from '../../../shared/importers/transcript/responsesApi';
import { toIso } from '../../../shared/model/time';
import { attrs, memorySource, parseWith, readFixture } from './helpers';

const gcpLines = () => readFixture('gcp-audit/entries.jsonl');

describe('GCP audit JSON lines, streamed', () => {
  it('gives each entry as soon as its line is pushed, before the file ends', () => {
    expect(gcpAudit.mode).toBe('lines'); // the pipeline holds a 'document' format's file whole
    const [a1, a2] = gcpLines().split('\n');
    const p = gcpAudit.createParser({ name: 'entries.jsonl' });
    p.push(a1, 1);
    expect(p.drain().events.map((e) => [e.sourceLine, e.action])).toEqual([[1, 'stop']]);
    p.push(a2, 2);
    expect(p.drain().events.map((e) => [e.sourceLine, e.action])).toEqual([[2, 'patch']]);
    expect(p.finish()).toEqual({ events: [], errors: [], merged: 0, derived: 0 });
  });

  it('imports through the pipeline in small chunks and on a parse pool, each error on its line', async () => {
    const runner = new JobRunner();
    const pool: ParsePool = { size: 1, run: async (job) => runner.run(job), close: () => undefined };
    for (const opts of [{ chunkBytes: 97 }, { pool, chunkBytes: 97, jobBytes: 200 }]) {
      const db: Db = await openNodeDb();
      await migrate(db);
      const info = await importSource(db, memorySource(gcpLines(), 'audit-export.jsonl'), opts);
      expect(info, JSON.stringify(Object.keys(opts))).toMatchObject({ format: 'gcp-audit', events: 4, errors: 2, merged: 0 });
      const rows = await db.query('t', 'SELECT source_line, kind, action FROM events ORDER BY id');
      expect(rows).toEqual([
        { source_line: 1, kind: 'audit', action: 'stop' },
        { source_line: 2, kind: 'audit', action: 'patch' },
        { source_line: 3, kind: 'audit', action: 'update' },
        { source_line: 4, kind: 'log', action: '' },
      ]);
      expect(await db.query('t', 'SELECT line, reason FROM import_errors ORDER BY line')).toEqual([
        { line: 5, reason: 'log entry without a readable timestamp' },
        { line: 6, reason: expect.stringMatching(/^invalid JSON/) },
      ]);
      await db.close();
    }
  });

  it('reads an entries.list response pretty-printed from `{ "entries": [`, each entry at the line its object opens', () => {
    const text = readFixture('gcp-audit/entries-list.json');
    expect(detectFormat(text, 'entries-list.json').importer?.id).toBe('gcp-audit');
    const { events, errors, merged } = parseWith(gcpAudit, text);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      sourceLine: 2, sourcePointer: '/entries/0', kind: 'audit', actor: 'ops-agent@shop-prod.iam.gserviceaccount.com', actorType: 'system',
      service: 'compute', action: 'stop', resource: 'gcp:projects/shop-prod/zones/europe-west1-b/instances/db-3',
    });
    expect(toIso(events[0].ts)).toBe('2026-11-27T10:09:00.000Z');
    expect(attrs(events[0])).toMatchObject({ insertId: 'c1', methodName: 'v1.compute.instances.stop' });
    // The blank line inside the document is counted: the second entry opens on line 16.
    expect(errors).toEqual([{ line: 16, reason: '/entries/1: log entry without a readable timestamp' }]);
    expect(merged).toBe(0);
  });

  it('a one-line entries response among JSON lines gives each entry, with its pointer', () => {
    const doc = JSON.parse(readFixture('gcp-audit/entries-list.json').replace(/\n\s*/g, ' ')) as { entries: unknown[] };
    const text = `${gcpLines().split('\n')[0]}\n${JSON.stringify({ entries: doc.entries })}\n`;
    const { events, errors } = parseWith(gcpAudit, text);
    expect(events.map((e) => [e.sourceLine, e.sourcePointer, e.action])).toEqual([[1, '', 'stop'], [2, '/entries/0', 'stop']]);
    expect(errors).toEqual([{ line: 2, reason: '/entries/1: log entry without a readable timestamp' }]);
  });

  it('two damaged lines first are not taken for a document: the good lines after them still count', () => {
    const good = gcpLines().split('\n').slice(0, 2);
    const { events, errors } = parseWith(gcpAudit, `{"insertId":"x1",\n{"insertId":"x2", "protoPayload":\n${good.join('\n')}\n`);
    expect(events.map((e) => [e.sourceLine, e.action])).toEqual([[3, 'stop'], [4, 'patch']]);
    expect(errors.map((e) => e.line)).toEqual([1, 2]);
    expect(errors[0].reason).toMatch(/^invalid JSON/);
  });
});

describe('Responses API JSON lines, streamed', () => {
  it('bare items one per line: detected, calls linked across lines by trimmed call_id, the damaged line located', () => {
    const text = readFixture('transcripts/responses-items.jsonl');
    expect(detectFormat(text, 'items.jsonl').importer?.id).toBe('openai-responses');
    const { events, errors, merged } = parseWith(responsesApi, text);
    expect(events.map((e) => [e.sourceLine, e.kind, e.callId, e.action, e.resource, toIso(e.ts)])).toEqual([
      [1, 'user_message', '', 'say', '', '1970-01-01T00:00:00.000Z'],
      [2, 'tool_call', 'call_s', 'scale', 'k8s:prod/deployment/payments', '1970-01-01T00:00:01.000Z'],
      [4, 'tool_result', 'call_s', 'observe', '', '1970-01-01T00:00:02.000Z'],
      [6, 'agent_message', '', 'say', '', '1970-01-01T00:00:03.000Z'],
    ]);
    expect(events[0].message).toBe('scale payments down');
    expect(events[2].message).toBe('deployment.apps/payments scaled');
    expect(attrs(events[2])).toMatchObject({ tool: 'shell', anchoring: 'item 2, 1 s apart from the epoch (no anchor given)' });
    expect(events[3].message).toBe('Done.');
    expect(errors).toEqual([{ line: 5, reason: expect.stringMatching(/^invalid JSON/) }]);
    expect(merged).toBe(0);
  });

  it('gives each line\'s events before the file ends, keeping the step count and call names across drains', () => {
    expect(responsesApi.mode).toBe('lines');
    const [user, call, , output] = readFixture('transcripts/responses-items.jsonl').split('\n');
    const p = responsesApi.createParser({ name: 'items.jsonl', anchorNs: 1795773600n * 1_000_000_000n });
    p.push(user, 1);
    p.push(call, 2);
    expect(p.drain().events.map((e) => e.kind)).toEqual(['user_message', 'tool_call']);
    p.push(output, 4);
    const [result] = p.drain().events;
    expect(result).toMatchObject({ kind: 'tool_result', callId: 'call_s', sourceLine: 4 });
    expect(toIso(result.ts)).toBe('2026-11-27T10:00:02.000Z');
    expect(attrs(result)).toMatchObject({ tool: 'shell', anchoring: 'item 2, 1 s apart from the given start time' });
  });

  it('a pretty-printed response document is still read whole, items at their lines', () => {
    const { events, errors } = parseWith(responsesApi, readFixture('transcripts/responses.json'));
    expect(events.map((e) => [e.sourceLine, e.sourcePointer])).toEqual([[7, '/input/1'], [12, '/input/2'], [19, '/input/3'], [23, '/output/0'], [24, '/output/1'], [30, '/output/2']]);
    expect(errors).toEqual([{ line: 20, reason: '/input/4 is not an item object' }]);
  });

  it('a document cut short is one located error, not an error per line', () => {
    const cut = readFixture('transcripts/responses.json').split('\n').slice(0, 15).join('\n');
    const { events, errors } = parseWith(responsesApi, cut);
    expect(events).toEqual([]);
    expect(errors).toEqual([{ line: 15, reason: expect.stringMatching(/^invalid JSON document/) }]);
  });
});
