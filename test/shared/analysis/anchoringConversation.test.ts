// Untimed transcripts that record their conversation or session id are placed by a trace span of the same
// conversation (gen_ai.conversation.id, session.id): their first step at the start of its earliest span.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { fileSource } from '../../../main/engine/fileSource';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { importSource } from '../../../shared/importers/pipeline';
import { anchorUntimedSources, conversationIds, findAnchor } from '../../../shared/analysis/anchoring';
import { analyze } from '../../../shared/analysis/analyze';
import { parseIsoNanos, toIso } from '../../../shared/model/time';
import { getSources } from '../../../shared/queries/sources';
import type { ControlEvent } from '../../../shared/queries/controlEvents';
import { controlEventFactory } from './controlEventFactory';
import { chatArray } from '../../../shared/importers/transcript/chatArray';
import { responsesApi } from '../../../shared/importers/transcript/responsesApi';
import { parseWith } from '../importers/helpers';

const FIX = path.resolve(import.meta.dirname, '../../fixtures/scenarios/anchoring-conversation');
const at = (iso: string) => parseIsoNanos(iso)!;
const read = (f: string) => readFileSync(path.join(FIX, f), 'utf8');

let db: Db | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function load(...files: string[]): Promise<Db> {
  db = await openNodeDb();
  await migrate(db);
  for (const f of files) {
    const src = await fileSource(path.join(FIX, f), f);
    await importSource(db, src).finally(() => src.close());
  }
  return db;
}

const times = async (d: Db, p: string) =>
  (await d.query<{ kind: string; ts: bigint }>('t', 'SELECT kind, ts FROM events WHERE source_id = (SELECT id FROM sources WHERE path = ?) ORDER BY id', [p]))
    .map((r) => [r.kind, toIso(BigInt(r.ts))]);
const sourceOf = async (d: Db, p: string) => (await getSources(d)).find((s) => s.path === p)!;
const anchoringOf = async (d: Db, p: string) => (await analyze(d)).sources.find((s) => s.path === p)?.anchoring;

describe('untimed transcripts record their conversation', () => {
  it('Responses API: the conversation the request names, on every item', () => {
    const { events } = parseWith(responsesApi, read('responses-conv.json'));
    expect(events.map((e) => JSON.parse(e.attributes).conversationId)).toEqual(['conv_68a1', 'conv_68a1', 'conv_68a1', 'conv_68a1']);
  });

  it('chat messages: the session or conversation the wrapper names', () => {
    const session = parseWith(chatArray, read('chat-session.json')).events;
    expect(session.map((e) => [e.kind, JSON.parse(e.attributes).sessionId])).toEqual([['user_message', 'sess-42'], ['agent_message', 'sess-42']]);
    expect(JSON.parse(parseWith(chatArray, read('chat-other.json')).events[0].attributes).conversationId).toBe('conv_zzz');
    // A bare array names none: nothing is invented.
    expect(JSON.parse(parseWith(chatArray, '[{"role":"user","content":"x"}]').events[0].attributes)).not.toHaveProperty('sessionId');
  });
});

describe('anchoring by conversation id', () => {
  it('places a Responses request at the start of the invoke_agent span of its gen_ai.conversation.id, and says so', async () => {
    const d = await load('responses-conv.json', 'conversation.otlp.json');
    const [outcome] = await anchorUntimedSources(d);
    expect(outcome).toMatchObject({ path: 'responses-conv.json', anchor: { basis: 'span', confidence: 0.8 } });
    expect((await sourceOf(d, 'responses-conv.json')).clockOffsetNs).toBe(at('2026-11-27T10:20:00Z'));
    expect(await times(d, 'responses-conv.json')).toEqual([
      ['user_message', '2026-11-27T10:20:00.000Z'],
      ['tool_call', '2026-11-27T10:20:01.000Z'],
      ['tool_result', '2026-11-27T10:20:02.000Z'],
      ['agent_message', '2026-11-27T10:20:03.000Z'],
    ]);
    expect(outcome.anchor.note).toBe(
      'anchored to span "invoke_agent support-bot" of conversation conv_68a1 at 10:20:00 (conversation.otlp.json:20, trace 1f2e3d4c…), '
      + 'whose gen_ai.conversation.id is the one this transcript records: its first step placed at the span\'s start; 1 more span of the conversation (confidence 0.8)',
    );
    expect(await anchoringOf(d, 'responses-conv.json')).toEqual({ basis: 'span', note: `no times in the file: ${outcome.anchor.note}` });
    // The trace has times of its own: it is not moved.
    expect((await sourceOf(d, 'conversation.otlp.json')).clockOffsetNs).toBe(0n);
  });

  it('places a chat by an OpenInference session.id on a plain CHAIN span (not one of the agent\'s events)', async () => {
    const d = await load('chat-session.json', 'conversation.otlp.json');
    const [outcome] = await anchorUntimedSources(d);
    expect(outcome.anchor.basis).toBe('span');
    expect(await times(d, 'chat-session.json')).toEqual([['user_message', '2026-11-27T10:30:00.000Z'], ['agent_message', '2026-11-27T10:30:01.000Z']]);
    expect(outcome.anchor.note).toMatch(/^anchored to span "RunnableSequence" of conversation sess-42 at 10:30:00 \(conversation\.otlp\.json:\d+, trace 2a3b4c5d…\), whose session\.id is the one this transcript records: its first step placed at the span's start \(confidence 0\.8\)$/);
  });

  it('leaves a transcript whose conversation no span names at 0, and says which id was searched', async () => {
    const d = await load('chat-other.json', 'conversation.otlp.json');
    const [outcome] = await anchorUntimedSources(d);
    expect(outcome.anchor).toEqual({
      basis: 'none', offsetNs: '0',
      note: 'no tool call in it names a Kubernetes resource or a call id that other evidence could share; no trace span carries its conversation id conv_zzz',
    });
    expect((await sourceOf(d, 'chat-other.json')).minTs).toBe(0n);
  });
});

describe('findAnchor with a conversation', () => {
  const ev = controlEventFactory();
  let spans = 0;
  const S = 1_000_000_000n;
  const T = at('2026-11-27T10:00:00Z');
  const span = (ts: bigint, attributes: Record<string, unknown>, more: Partial<ControlEvent> = {}) =>
    ev({ sourceId: 3, kind: 'span', spanId: `s${++spans}`, traceId: 't1', ts, attrs: { name: 'chat', attributes }, ...more });

  it('a span with the call id wins over a span of the conversation; the conversation over an audit record', () => {
    const call = ev({ ts: 2n * S, callId: 'call_x', resource: 'k8s:prod/deployment/a', action: 'scale', attrs: { conversationId: 'conv_1' } });
    const conv = span(T, { 'gen_ai.conversation.id': 'conv_1' });
    const bySpan = findAnchor([call], [conv, ev({ sourceId: 3, spanId: 's9', callId: 'call_x', ts: T + 50n * S, endTs: T + 51n * S })], [call]);
    expect(bySpan).toMatchObject({ basis: 'span', shiftNs: T + 50n * S - 2n * S });
    expect(bySpan?.conversation).toBeUndefined();
    const audit = ev({ sourceId: 2, kind: 'audit', actor: 'ops', actorType: 'human', resource: 'k8s:prod/deployment/a', action: 'patch', ts: T + 90n * S });
    const byConv = findAnchor([call], [audit, conv], [call])!;
    expect(byConv).toMatchObject({ basis: 'span', shiftNs: T - 2n * S, conversation: { id: 'conv_1', key: 'gen_ai.conversation.id', spans: 1 } });
    expect(findAnchor([call], [audit], [call])?.basis).toBe('audit_record');
  });

  it('places the first step at the earliest span of the conversation, an agent run before a model call starting with it', () => {
    const first = ev({ kind: 'user_message', ts: 0n, attrs: { sessionId: 'sess-1' } });
    const later = ev({ kind: 'agent_message', ts: S, attrs: { sessionId: 'sess-1' } });
    const model = span(T + 5n * S, { 'session.id': 'sess-1' });
    const run = span(T + 5n * S, { 'session.id': 'sess-1' }, { kind: 'agent_run' });
    const other = span(T, { 'session.id': 'sess-2' });
    const f = findAnchor([], [model, other, run], [later, first])!;
    expect(f.anchor.call).toBe(first);
    expect(f.anchor.target).toBe(run);
    expect(f.shiftNs).toBe(T + 5n * S);
    expect(f.conversation).toEqual({ id: 'sess-1', key: 'session.id', spans: 2 });
    expect(findAnchor([], [other], [first])).toBeUndefined();
    expect(conversationIds([first, later, ev({ attrs: { conversationId: ' conv_9 ' } })])).toEqual(['sess-1', 'conv_9']);
  });
});
