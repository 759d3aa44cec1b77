import { describe, expect, it } from 'vitest';
import { claudeCode } from '../../../shared/importers/transcript/claudeCode';
import { chatArray } from '../../../shared/importers/transcript/chatArray';
import { openHands } from '../../../shared/importers/transcript/openhands';
import { sweAgent } from '../../../shared/importers/transcript/sweAgent';
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
});
