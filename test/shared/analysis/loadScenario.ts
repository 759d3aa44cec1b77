// Reads a scenario fixture (test/fixtures/scenarios/*.json): hand-written events with short times,
// per-kind defaults and `repeat` blocks for log traffic, expanded into rows for scenarioDb.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScenarioEvent } from './scenarioDb';

interface FixtureEvent extends Record<string, unknown> {
  at: string;
  tag?: string;
  repeat?: { every_s: number; until: string; trace?: boolean };
}
export interface Scenario { about: string; day: string; events: FixtureEvent[] }

const dir = path.resolve(import.meta.dirname, '../../fixtures/scenarios');
const AGENT_KINDS = new Set(['tool_call', 'tool_result', 'agent_run', 'agent_message']);

export function readScenario(name: string): Scenario {
  return JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Scenario;
}

/** Expands a scenario; `without` drops events by tag (how a test builds the negative case). */
export function expandScenario(s: Scenario, without: string[] = []): ScenarioEvent[] {
  const out: ScenarioEvent[] = [];
  const lines = new Map<string, number>();
  const nextLine = (source: string) => {
    const n = (lines.get(source) ?? 0) + 1;
    lines.set(source, n);
    return n;
  };
  for (const e of s.events) {
    if (e.tag && without.includes(e.tag)) continue;
    const { repeat, tag: _tag, at, ...rest } = e;
    const kind = String(rest.kind ?? 'log');
    const base = {
      source: kind === 'audit' ? 'k8s-audit.jsonl' : AGENT_KINDS.has(kind) ? 'agent-trace.json' : 'app-logs.jsonl',
      ...(AGENT_KINDS.has(kind) ? { actor: 'ops-agent', actorType: 'agent', service: 'ops-agent' } : {}),
      ...(kind === 'log' ? { actor: rest.service } : {}),
      ...(kind === 'audit' ? { actorType: String(rest.actor ?? '').startsWith('system:') ? 'system' : 'human' } : {}),
      ...rest,
    } as Record<string, unknown>;
    const times = repeat ? series(at, Number(repeat.every_s), repeat.until) : [at];
    times.forEach((t, i) => {
      const source = String(base.source);
      const line = typeof base.line === 'number' && !repeat ? base.line : nextLine(source);
      if (typeof base.line === 'number' && !repeat) lines.set(source, Math.max(lines.get(source) ?? 0, base.line));
      const traced = repeat?.trace ? { traceId: `${String(base.traceId ?? 't')}${i}` } : {};
      out.push({ ...base, ...traced, at: `${s.day}T${t}Z`, line } as ScenarioEvent);
    });
  }
  return out;
}

function series(from: string, everyS: number, until: string): string[] {
  const toS = (t: string) => t.split(':').reduce((acc, p) => acc * 60 + Number(p), 0);
  const fmt = (s: number) => [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n, i) => (i === 2 ? n.toFixed(3).padStart(6, '0') : String(n).padStart(2, '0'))).join(':');
  const out: string[] = [];
  for (let s = toS(from); s < toS(until); s += everyS) out.push(fmt(s));
  return out;
}
