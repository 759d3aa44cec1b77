import { describe, expect, it } from 'vitest';
import { claudeCode } from '../../../shared/importers/transcript/claudeCode';
import { chatArray } from '../../../shared/importers/transcript/chatArray';
import { openHands } from '../../../shared/importers/transcript/openhands';
import { sweAgent } from '../../../shared/importers/transcript/sweAgent';
import { codexRollout } from '../../../shared/importers/transcript/codexRollout';
import { responsesApi } from '../../../shared/importers/transcript/responsesApi';
import { elementLines } from '../../../shared/importers/transcript/elementLines';
import { detectFormat } from '../../../shared/importers/registry';
import { toIso } from '../../../shared/model/time';
import { attrs, readFixture } from './helpers';
import type { Importer } from '../../../shared/importers/types';

function parse(imp: Importer, file: string, anchorNs?: bigint) {
  const text = readFixture('transcripts', file);
  expect(detectFormat(text, file).importer?.id).toBe(imp.id);
  const p = imp.createParser({ name: file, anchorNs });
  if (imp.mode === 'document') p.push(text, 1);
  else text.split('\n').forEach((l, i) => l.trim() && p.push(l, i + 1));
  return p.finish();
}

describe('transcript importers', () => {
  it('Claude Code: messages, tool_use and tool_result linked by id, with kubectl intent', () => {
    const r = parse(claudeCode, 'claude-session.jsonl');
    expect(r.events.map((e) => [e.sourceLine, e.kind, e.callId, e.action])).toEqual([
      [2, 'user_message', '', 'say'],
      [3, 'agent_message', '', 'say'],
      [3, 'tool_call', 'toolu_01', 'scale'],
      [4, 'tool_result', 'toolu_01', 'observe'],
    ]);
    expect(r.events[2]).toMatchObject({ actor: 'claude-code', actorType: 'agent', resource: 'k8s:prod/deployment/payments' });
    expect(r.events[3].message).toBe('deployment.apps/payments scaled');
    expect(r.merged).toBe(1);
    expect(r.errors).toEqual([{ line: 5, reason: 'entry without a timestamp' }]);
  });

  it('OpenAI chat: tool_calls and role tool, placed one second apart from the anchor', () => {
    const anchor = 1795773600n * 1_000_000_000n;
    const r = parse(chatArray, 'openai-chat.json', anchor);
    expect(r.events.map((e) => [e.kind, e.callId, e.sourceLine, toIso(e.ts)])).toEqual([
      ['user_message', '', 4, '2026-11-27T10:00:01.000Z'],
      ['tool_call', 'call_9', 5, '2026-11-27T10:00:02.000Z'],
      ['tool_result', 'call_9', 10, '2026-11-27T10:00:03.000Z'],
    ]);
    expect(r.events[1]).toMatchObject({ action: 'scale', resource: 'k8s:prod/deployment/checkout' });
    expect(attrs(r.events[0]).anchoring).toMatch(/given start time/);
  });

  it('OpenHands: actions and observations linked by cause, failures as errors', () => {
    const r = parse(openHands, 'openhands.json');
    expect(r.events.map((e) => [e.sourceLine, e.kind, e.callId, e.severity])).toEqual([
      [2, 'user_message', '', 'info'],
      [3, 'tool_call', 'toolu_7', 'info'],
      [4, 'tool_result', 'toolu_7', 'error'],
      [5, 'agent_message', '', 'info'],
    ]);
    expect(r.events[1]).toMatchObject({ action: 'scale', resource: 'k8s:prod/deployment/payments', actor: 'openhands' });
    expect(toIso(r.events[2].ts)).toBe('2026-11-27T10:07:01.000Z');
  });

  it('SWE-agent: steps spaced by execution_time and recorded as anchored', () => {
    const r = parse(sweAgent, 'run.traj');
    expect(r.events.map((e) => [e.kind, e.sourceLine, e.action, String(e.ts)])).toEqual([
      ['user_message', 1, 'say', '0'],
      ['tool_call', 4, 'get', '0'],
      ['tool_result', 4, 'observe', '500000000'],
      ['tool_call', 5, 'scale', '1500000000'],
      ['tool_result', 5, 'observe', '2500000000'],
    ]);
    expect(attrs(r.events[1]).anchoring).toMatch(/execution_time, from the epoch \(no anchor given\)/);
    expect(r.events[3].resource).toBe('k8s:prod/deployment/payments');
  });

  it('Codex rollout: session start, response items with calls and outputs linked by trimmed call_id, exit codes as failures', () => {
    const r = parse(codexRollout, 'codex-rollout.jsonl');
    expect(r.events.map((e) => [e.sourceLine, e.kind, e.callId, e.action, e.severity, toIso(e.ts)])).toEqual([
      [1, 'agent_run', '', 'invoke_agent', 'info', '2026-11-27T10:00:00.000Z'],
      [3, 'user_message', '', 'say', 'info', '2026-11-27T10:00:01.000Z'],
      [5, 'agent_message', '', 'think', 'info', '2026-11-27T10:00:03.000Z'],
      [6, 'tool_call', 'call_1', 'get', 'info', '2026-11-27T10:00:04.000Z'],
      [7, 'tool_result', 'call_1', 'observe', 'info', '2026-11-27T10:00:05.000Z'],
      [8, 'tool_call', 'call_2', 'scale', 'info', '2026-11-27T10:00:07.000Z'],
      [9, 'tool_result', 'call_2', 'observe', 'error', '2026-11-27T10:00:08.000Z'],
      [10, 'tool_call', 'call_3', 'apply_patch', 'info', '2026-11-27T10:00:09.000Z'],
      [11, 'tool_result', 'call_3', 'observe', 'info', '2026-11-27T10:00:10.000Z'],
      [12, 'agent_message', '', 'say', 'info', '2026-11-27T10:00:12.000Z'],
    ]);
    const [run, user, think, get, got, scale, failed, patch] = r.events;
    expect(run).toMatchObject({ actor: 'codex', actorType: 'agent', service: 'codex', message: 'Codex session 0199a1b2-c3d4 in /srv/ops' });
    expect(attrs(run)).toMatchObject({ sessionId: '0199a1b2-c3d4', cwd: '/srv/ops', cliVersion: '0.46.0', originator: 'codex_cli_rs' });
    expect(user).toMatchObject({ actor: 'user', actorType: 'human', message: 'payments is slow, fix it' });
    expect(think.message).toBe('Check the deployment first.');
    expect(get).toMatchObject({ actor: 'codex', resource: 'k8s:prod/deployment/payments', message: expect.stringMatching(/^shell \{"command":\["bash","-lc","kubectl get/) });
    expect(attrs(get)).toMatchObject({ tool: 'shell', sessionId: '0199a1b2-c3d4', model: 'gpt-5-codex' });
    expect(got.message).toBe('payments 6/6');
    expect(attrs(got)).toMatchObject({ tool: 'shell', result: 'payments 6/6' });
    expect(scale).toMatchObject({ resource: 'k8s:prod/deployment/payments' });
    expect(attrs(scale).intent).toMatchObject({ verb: 'scale', facts: { 'spec.replicas': 2 } });
    expect(failed.message).toMatch(/Forbidden\)$/);
    expect(attrs(patch)).toMatchObject({ tool: 'apply_patch', arguments: expect.stringMatching(/^\*\*\* Begin Patch/) });
    expect(r.merged).toBe(3); // turn_context and two event_msg lines
    expect(r.errors).toEqual([
      { line: 14, reason: 'rollout line without a readable timestamp' },
      { line: 15, reason: expect.stringMatching(/^invalid JSON/) },
    ]);
  });

  it('Codex rollout is detected from the start of a session_meta line longer than the head', () => {
    const head = '{"timestamp":"2026-11-27T10:00:00.000Z","type":"session_meta","payload":{"id":"x","instructions":"' + 'a'.repeat(70_000);
    expect(detectFormat(head.slice(0, 65_536), 'rollout-2026-11-27T10-00-00-x.jsonl').importer?.id).toBe('codex-rollout');
  });

  it('legacy Codex rollout (before session_meta): header, bare items placed at the header time in file order, calls linked', () => {
    const r = parse(codexRollout, 'codex-legacy.jsonl');
    const header = 1746638661250000000n; // 2025-05-07T17:24:21.250Z
    expect(r.events.map((e) => [e.sourceLine, e.kind, e.callId, e.action, e.severity, e.ts - header])).toEqual([
      [1, 'agent_run', '', 'invoke_agent', 'info', 0n],
      [3, 'user_message', '', 'say', 'info', 0n],
      [4, 'agent_message', '', 'think', 'info', 1n],
      [5, 'tool_call', 'call_a', 'get', 'info', 2n],
      [6, 'tool_result', 'call_a', 'observe', 'info', 3n],
      [8, 'tool_call', 'call_b', 'scale', 'info', 4n],
      [10, 'tool_result', 'call_b', 'observe', 'error', 5n],
      [11, 'agent_message', '', 'say', 'info', 6n],
    ]);
    const [run, user, think, get, got, scale, denied, said] = r.events;
    expect(toIso(run.ts)).toBe('2025-05-07T17:24:21.250Z');
    expect(run).toMatchObject({ actor: 'codex', actorType: 'agent', service: 'codex', message: 'Codex session 5973b6c0-94b8-487b-a530-2aeb6098ae0e' });
    expect(attrs(run)).toEqual({ sessionId: '5973b6c0-94b8-487b-a530-2aeb6098ae0e', git: { commit_hash: '9f1c2e7', branch: 'main', repository_url: 'git@github.com:acme/ops.git' } });
    expect(user).toMatchObject({ actor: 'user', actorType: 'human', message: 'payments is slow, scale it down' });
    expect(attrs(user)).toEqual({
      sessionId: '5973b6c0-94b8-487b-a530-2aeb6098ae0e', text: 'payments is slow, scale it down',
      anchoring: "item 0, at the session header's timestamp (legacy rollout items carry no time of their own)",
    });
    expect(think.message).toBe('Look at the deployment first.');
    expect(get).toMatchObject({ actor: 'codex', actorType: 'agent', resource: 'k8s:prod/deployment/payments', message: expect.stringMatching(/^shell \{"command":\["bash","-lc","kubectl get/) });
    expect(attrs(get)).toMatchObject({ tool: 'shell', sessionId: '5973b6c0-94b8-487b-a530-2aeb6098ae0e', anchoring: expect.stringMatching(/^item 2, at the session header's timestamp/) });
    expect(got.message).toBe('payments 6/6\n');
    expect(attrs(got)).toMatchObject({ tool: 'shell', result: 'payments 6/6\n' });
    // The call id is trimmed ("call_b "), so the output finds its call and names its tool.
    expect(scale).toMatchObject({ resource: 'k8s:prod/deployment/payments' });
    expect(attrs(scale).intent).toMatchObject({ verb: 'scale', facts: { 'spec.replicas': 2 } });
    expect(denied).toMatchObject({ message: 'Error from server (Forbidden)\n', severity: 'error' });
    expect(attrs(denied).tool).toBe('shell');
    expect(said.message).toBe('I could not scale payments: forbidden.');
    expect(r.merged).toBe(2); // the two state snapshots
    expect(r.errors).toEqual([
      { line: 12, reason: 'neither a rollout line, a session header nor a response item' },
      { line: 13, reason: expect.stringMatching(/^invalid JSON/) },
    ]);
  });

  it('legacy Codex rollout is told from bare Responses items by its header, whatever the file is called', () => {
    const text = readFixture('transcripts', 'codex-legacy.jsonl');
    const d = detectFormat(text, 'session.jsonl');
    expect(d.importer?.id).toBe('codex-rollout');
    expect(d.scores.find((s) => s.id === 'openai-responses')?.confidence).toBeLessThan(d.confidence);
    // A header whose instructions fill the head: its start and the file name still say what it is.
    const head = '{"id":"5973b6c0","timestamp":"2025-05-07T17:24:21Z","instructions":"' + 'a'.repeat(70_000);
    expect(detectFormat(head.slice(0, 65_536), 'rollout-2025-05-07T17-24-21-5973b6c0.jsonl').importer?.id).toBe('codex-rollout');
    // An ordinary JSON-lines log that happens to start with id and timestamp is not taken for one.
    const log = '{"id":"a1","timestamp":"2025-05-07T17:24:21Z","message":"started"}\n{"id":"a2","timestamp":"2025-05-07T17:24:22Z","message":"ok"}\n';
    expect(codexRollout.detect(log, 'app.jsonl')).toBe(0);
  });

  it('legacy Codex rollout whose header has no readable time: placed from the given start, one second apart, and says so', () => {
    const lines = readFixture('transcripts', 'codex-legacy.jsonl').split('\n');
    const p = codexRollout.createParser({ name: 'x.jsonl', anchorNs: 1795773600n * 1_000_000_000n });
    p.push(lines[0].replace('"2025-05-07T17:24:21.250Z"', '"yesterday"'), 1);
    p.push(lines[2], 3);
    const r = p.finish();
    expect(r.events.map((e) => [e.kind, toIso(e.ts), attrs(e).anchoring])).toEqual([
      ['agent_run', '2026-11-27T10:00:00.000Z', 'session header without a readable timestamp, 1 s apart from the given start time'],
      ['user_message', '2026-11-27T10:00:01.000Z', 'item 1, 1 s apart from the given start time'],
    ]);
  });

  it('Responses API: input then output items, calls and outputs linked by call_id, placed from created_at', () => {
    const r = parse(responsesApi, 'responses.json');
    expect(r.events.map((e) => [e.sourceLine, e.sourcePointer, e.kind, e.callId, e.action, toIso(e.ts)])).toEqual([
      [7, '/input/1', 'user_message', '', 'say', '2026-11-27T10:00:01.000Z'],
      [12, '/input/2', 'tool_call', 'call_get', 'get', '2026-11-27T10:00:02.000Z'],
      [19, '/input/3', 'tool_result', 'call_get', 'observe', '2026-11-27T10:00:03.000Z'],
      [23, '/output/0', 'agent_message', '', 'think', '2026-11-27T10:00:04.000Z'],
      [24, '/output/1', 'tool_call', 'call_scale', 'scale', '2026-11-27T10:00:05.000Z'],
      [30, '/output/2', 'agent_message', '', 'say', '2026-11-27T10:00:06.000Z'],
    ]);
    expect(r.events[0]).toMatchObject({ actor: 'user', actorType: 'human', message: 'Payments is slow; fix it.' });
    expect(r.events[1]).toMatchObject({ actor: 'assistant', actorType: 'agent', resource: 'k8s:prod/deployment/payments' });
    expect(r.events[2].message).toBe('payments 6/6');
    expect(attrs(r.events[2])).toMatchObject({ tool: 'kubectl', anchoring: "item 3, 1 s apart from the response's created_at" });
    expect(r.events[5].message).toBe('Scaling payments to 2.');
    expect(r.merged).toBe(1); // the developer message
    expect(r.errors).toEqual([{ line: 20, reason: '/input/4 is not an item object' }]);
  });

  it('Responses API: JSON lines of logged responses, each placed from its own created_at, calls linked across lines', () => {
    const r = parse(responsesApi, 'responses-log.jsonl', 1n);
    expect(r.events.map((e) => [e.sourceLine, e.sourcePointer, e.kind, e.callId, e.action, toIso(e.ts)])).toEqual([
      [1, '/input/0', 'user_message', '', 'say', '2026-11-27T10:00:00.000Z'],
      [1, '/output/0', 'tool_call', 'call_p', 'get_pods', '2026-11-27T10:00:01.000Z'],
      [2, '/input/0', 'tool_result', 'call_p', 'observe', '2026-11-27T10:01:00.000Z'],
      [2, '/output/0', 'agent_message', '', 'say', '2026-11-27T10:01:01.000Z'],
    ]);
    expect(r.events[0].message).toBe('why is checkout failing?');
    expect(attrs(r.events[2])).toMatchObject({ tool: 'get_pods', result: 'checkout-1 CrashLoopBackOff', anchoring: "item 0, 1 s apart from the response's created_at" });
    expect(r.errors).toEqual([{ line: 3, reason: 'neither a Responses API item nor an object with input / output arrays' }]);
  });

  it('Responses API: a bare item array is placed from the given start time and says so', () => {
    const items = [
      { type: 'function_call', call_id: 'c1', name: 'get_pods', arguments: '{}' },
      { type: 'function_call_output', call_id: 'c1 ', output: [{ type: 'input_text', text: '3 pods' }] },
      { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'pool exhausted' } },
      { type: 'mcp_call', id: 'mcp_1', name: 'restart', arguments: '{"pod":"p-1"}', error: 'denied', server_label: 'k8s' },
    ];
    const text = JSON.stringify(items);
    expect(detectFormat(text, 'items.json').importer?.id).toBe('openai-responses');
    const p = responsesApi.createParser({ name: 'items.json', anchorNs: 1795773600n * 1_000_000_000n });
    p.push(text, 1);
    const r = p.finish();
    expect(r.events.map((e) => [e.kind, e.callId, e.action, e.severity, e.message, toIso(e.ts)])).toEqual([
      ['tool_call', 'c1', 'get_pods', 'info', 'get_pods {}', '2026-11-27T10:00:00.000Z'],
      ['tool_result', 'c1', 'observe', 'info', '3 pods', '2026-11-27T10:00:01.000Z'],
      ['tool_call', 'ws_1', 'web_search', 'info', 'web_search {"type":"search","query":"pool exhausted"}', '2026-11-27T10:00:02.000Z'],
      ['tool_call', 'mcp_1', 'restart', 'info', 'restart {"pod":"p-1"}', '2026-11-27T10:00:03.000Z'],
      ['tool_result', 'mcp_1', 'observe', 'error', 'denied', '2026-11-27T10:00:03.000Z'],
    ]);
    expect(attrs(r.events[0]).anchoring).toBe('item 0, 1 s apart from the given start time');
    expect(r.errors).toEqual([]);
  });

  it('finds where each item of a pretty-printed document starts, whatever is nested inside', () => {
    const text = '{\n "note": "[not, an, array]",\n "input": [\n  {"a": [1, {"b": "]"}]},\n\n  2\n ],\n "output": []\n}';
    expect(Object.fromEntries(elementLines(text))).toEqual({ input: [4, 6], output: [] });
    expect(Object.fromEntries(elementLines('[\n{"x":"\\""},\n{}]'))).toEqual({ '': [2, 3] });
  });
});
