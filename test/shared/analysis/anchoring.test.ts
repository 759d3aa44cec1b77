// Untimed transcripts placed from other evidence after import: the audit record of one of their kubectl
// calls, or a trace span carrying one of their call ids; a start time the user gave always wins.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { fileSource } from '../../../main/engine/fileSource';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { importSource, type ImportOptions } from '../../../shared/importers/pipeline';
import { offsetForStart, setClockOffset } from '../../../shared/importers/clockOffset';
import { anchorUntimedSources, findAnchor } from '../../../shared/analysis/anchoring';
import { analyze } from '../../../shared/analysis/analyze';
import { parseIsoNanos } from '../../../shared/model/time';
import { getSources } from '../../../shared/queries/sources';
import { controlEventFactory } from './controlEventFactory';
import { validate } from '../../main/cli/miniSchema';

const FIX = path.resolve(import.meta.dirname, '../../fixtures/scenarios/anchoring');
const at = (iso: string) => parseIsoNanos(iso)!;

let db: Db | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function load(...files: (string | [string, ImportOptions])[]): Promise<Db> {
  db = await openNodeDb();
  await migrate(db);
  for (const f of files) {
    const [name, opts] = typeof f === 'string' ? [f, {}] : f;
    const src = await fileSource(path.join(FIX, name), name);
    try {
      await importSource(db, src, opts);
    } finally {
      await src.close();
    }
  }
  return db;
}

const source = async (d: Db, p: string) => (await getSources(d)).find((s) => s.path === p)!;
const callTs = async (d: Db, p: string, callId: string) => {
  const [r] = await d.query<{ ts: bigint }>('t', `SELECT ts FROM events WHERE kind = 'tool_call' AND call_id = ? AND source_id = (SELECT id FROM sources WHERE path = ?)`, [callId, p]);
  return BigInt(r.ts);
};
const anchoringOf = async (d: Db, p: string) => (await analyze(d)).sources.find((s) => s.path === p)?.anchoring;

describe('anchoring untimed transcripts', () => {
  it('places a chat array so its kubectl scale call lands on the audit record it left, and says so', async () => {
    const d = await load('chat.json', 'audit.jsonl');
    const [outcome] = await anchorUntimedSources(d);
    expect(outcome).toMatchObject({ path: 'chat.json', anchor: { basis: 'audit_record' } });
    // The system: controller's get and alice's scale to 12 (contradicts --replicas=2) are not the agent's.
    expect(await callTs(d, 'chat.json', 'call_scale_8')).toBe(at('2026-11-27T10:04:02Z'));
    // Message 4 of the array was at 4 s; everything moved by the same offset.
    expect((await source(d, 'chat.json')).clockOffsetNs).toBe(at('2026-11-27T10:04:02Z') - 4_000_000_000n);
    expect(await callTs(d, 'chat.json', 'call_get_7')).toBe(at('2026-11-27T10:04:00Z'));
    const a = await anchoringOf(d, 'chat.json');
    expect(a?.basis).toBe('audit_record');
    expect(a?.note).toContain('anchored to the audit record of `kubectl scale deployment payments -n prod --replicas=2` at 10:04:02 (audit.jsonl:4)');
    // The agent's calls now match its principal's records: the analysis sees who scaled payments.
    const result = await analyze(d);
    expect(result.actors.find((x) => x.name === 'system:serviceaccount:agents:ops-agent')?.why).toMatch(/tool calls? match/);
    const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../docs/analysis-v1.schema.json'), 'utf8'));
    expect(validate(schema, JSON.parse(JSON.stringify(result)))).toEqual([]);
  });

  it('places a SWE-agent trajectory the same way (its step ids name nothing, its kubectl command does)', async () => {
    const d = await load('run.traj', 'audit.jsonl');
    await anchorUntimedSources(d);
    expect(await callTs(d, 'run.traj', 'step-1')).toBe(at('2026-11-27T10:04:02Z'));
    expect((await anchoringOf(d, 'run.traj'))?.note).toContain('(audit.jsonl:4)');
  });

  it('leaves a transcript whose calls match nothing at 0, and says what was searched', async () => {
    const d = await load('nomatch.json', 'audit.jsonl');
    const [outcome] = await anchorUntimedSources(d);
    expect(outcome.anchor).toEqual({ basis: 'none', offsetNs: '0', note: 'none of its 1 tool call matches an audit record or a trace span in the other files' });
    expect((await source(d, 'nomatch.json')).minTs).toBe(0n);
    expect(await anchoringOf(d, 'nomatch.json')).toEqual({
      basis: 'no_times',
      note: 'no times in the file: placed at 0 (1970-01-01, one step per second); none of its 1 tool call matches an audit record or a trace span in the other files; set a start time',
    });
  });

  it('tries again when the evidence that places it arrives later, and not once it is placed', async () => {
    const d = await load('chat.json');
    expect((await anchorUntimedSources(d))[0].anchor.basis).toBe('none');
    const src = await fileSource(path.join(FIX, 'audit.jsonl'), 'audit.jsonl');
    await importSource(d, src).finally(() => src.close());
    expect((await anchorUntimedSources(d))[0].anchor.basis).toBe('audit_record');
    expect(await anchorUntimedSources(d)).toEqual([]);
  });

  it('keeps the start time the user gave at import, even with a matching audit record', async () => {
    const d = await load(['chat.json', { anchorNs: at('2026-11-27T09:00:00Z') }], 'audit.jsonl');
    expect(await anchorUntimedSources(d)).toEqual([]);
    expect((await source(d, 'chat.json')).minTs).toBe(at('2026-11-27T09:00:01Z'));
    expect((await anchoringOf(d, 'chat.json'))?.basis).toBe('start_given');
  });

  it('a start time set after anchoring wins, and the note says so', async () => {
    const d = await load('chat.json', 'audit.jsonl');
    await anchorUntimedSources(d);
    const s = await source(d, 'chat.json');
    await setClockOffset(d, s.id, offsetForStart(s, at('2026-11-27T08:00:00Z')));
    expect(await anchoringOf(d, 'chat.json')).toEqual({ basis: 'no_times', note: 'no times in the file: placed at the start time you set' });
    // Moved by hand: not anchored again.
    expect(await anchorUntimedSources(d)).toEqual([]);
  });

  it('places a call inside the execute_tool span that carries its call id', async () => {
    const d = await load('span-chat.json', 'trace.otlp.json', 'audit.jsonl');
    const [outcome] = await anchorUntimedSources(d);
    expect(outcome.anchor.basis).toBe('span');
    expect(await callTs(d, 'span-chat.json', 'call_rollout_3')).toBe(at('2026-11-27T10:10:00Z'));
    expect((await anchoringOf(d, 'span-chat.json'))?.note).toMatch(/^no times in the file: anchored to span "execute_tool kubectl" \(trace\.otlp\.json:\d+, trace 7c1e0d9a…\), which carries its tool call id call_rollout_3/);
  });
});

describe('findAnchor', () => {
  const ev = controlEventFactory();
  const S = 1_000_000_000n;
  const T = at('2026-11-27T10:00:00Z');
  const audit = (resource: string, action: string, ts: bigint) => ev({ sourceId: 2, kind: 'audit', actor: 'ops', actorType: 'human', resource, action, ts });

  it('reports calls whose records only come out of order, and lowers the confidence', () => {
    const calls = [ev({ ts: 1n * S, resource: 'k8s:prod/deployment/a', action: 'scale' }), ev({ ts: 2n * S, resource: 'k8s:prod/deployment/b', action: 'delete' }), ev({ ts: 3n * S, resource: 'k8s:prod/deployment/c', action: 'scale' })];
    const timed = [audit('k8s:prod/deployment/a', 'patch', T + 60n * S), audit('k8s:prod/deployment/b', 'delete', T), audit('k8s:prod/deployment/c', 'patch', T + 600n * S)];
    const f = findAnchor(calls, timed)!;
    expect(f.basis).toBe('audit_record');
    expect(f.shiftNs).toBe(T + 60n * S - 1n * S);
    expect(f.consistent.map((m) => m.target.resource)).toEqual(['k8s:prod/deployment/c']);
    expect(f.inconsistent.map((m) => m.target.resource)).toEqual(['k8s:prod/deployment/b']);
    const clean = findAnchor([calls[0], calls[2]], timed)!;
    expect(clean.inconsistent).toEqual([]);
    expect(f.confidence).toBeLessThan(clean.confidence);
  });

  it('prefers a span naming the call id over an audit record matching its intent', () => {
    const call = ev({ ts: 5n * S, resource: 'k8s:prod/deployment/a', action: 'scale', callId: 'call_x' });
    const f = findAnchor([call], [audit('k8s:prod/deployment/a', 'patch', T), ev({ sourceId: 3, spanId: 's1', callId: 'call_x', ts: T + 30n * S, endTs: T + 31n * S })])!;
    expect(f.basis).toBe('span');
    expect(f.shiftNs).toBe(T + 30n * S - 5n * S);
  });

  it('finds nothing for reads by controllers or a different resource', () => {
    const call = ev({ ts: 0n, resource: 'k8s:prod/deployment/a', action: 'get' });
    const byController = ev({ sourceId: 2, kind: 'audit', actor: 'system:kube-controller-manager', resource: 'k8s:prod/deployment/a', action: 'get', ts: T });
    expect(findAnchor([call], [byController, audit('k8s:prod/deployment/b', 'get', T)])).toBeUndefined();
  });
});
