// Test helper: puts hand-written events straight into a fresh database, so analysis tests do not
// depend on the importers. Each scenario names its sources; lines are given explicitly.
import { openNodeDb } from '../../../main/engine/nodeDb';
import { migrate } from '../../../shared/db/schema';
import type { Db } from '../../../shared/db/db';
import type { EventRow } from '../../../shared/model/event';
import { parseIsoNanos } from '../../../shared/model/time';

export type ScenarioEvent = Partial<Omit<EventRow, 'ts' | 'attributes'>> & { at: string; source: string; line: number; attributes?: Record<string, unknown> };

const AGENT = 'ops-agent';
export const AGENT_SA = 'system:serviceaccount:agents:ops-agent';

export async function scenarioDb(events: ScenarioEvent[]): Promise<Db> {
  const db = await openNodeDb();
  await migrate(db);
  const paths = [...new Set(events.map((e) => e.source))].sort();
  for (const [i, p] of paths.entries()) {
    await db.query('test.source', 'INSERT INTO sources (id, path, size, sha256, format, confidence, parser_version, events, merged, errors, clock_offset_ns) VALUES (?, ?, 0, ?, ?, 1, 1, ?, 0, 0, 0)',
      [i + 1, p, 'sha-' + p, p.endsWith('.jsonl') ? 'k8s-audit' : 'otlp-trace', events.filter((e) => e.source === p).length]);
  }
  // Many rows per statement: scenarios with log traffic have hundreds of events.
  const ROW = '(?, ?, ?, ?, CAST(? AS BIGINT), NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
  for (let start = 0; start < events.length; start += 200) {
    const chunk = events.slice(start, start + 200);
    const params = chunk.flatMap((e, j) => {
      const ts = parseIsoNanos(e.at);
      if (ts === undefined) throw new Error('bad time ' + e.at);
      return [
        start + j + 1, paths.indexOf(e.source) + 1, e.line, e.sourcePointer ?? '', String(ts), e.kind ?? 'log', e.actor ?? '', e.actorType ?? 'unknown', e.service ?? '',
        e.resource ?? '', e.action ?? '', e.severity ?? 'info', e.message ?? '', e.traceId ?? '', e.spanId ?? '', e.parentSpanId ?? '', e.callId ?? '', JSON.stringify(e.attributes ?? {}),
      ];
    });
    await db.query('test.events', `INSERT INTO events VALUES ${chunk.map(() => ROW).join(', ')}`, params);
  }
  return db;
}

const T = '2026-11-27T';
const TRACE = 'agent-trace.otlp.json';
const AUDIT = 'k8s-audit.jsonl';

/** The agent's tool call and its result, as the OTLP importer links them. */
export function tool(callId: string, startHms: string, endHms: string, line: number, verb: string, resource: string, result: string, intent: Record<string, unknown> = {}): ScenarioEvent[] {
  const base = { source: TRACE, actor: AGENT, actorType: 'agent' as const, service: AGENT, resource: resource as never, callId };
  return [
    { ...base, at: T + startHms + 'Z', line, kind: 'tool_call', action: verb, message: `kubectl ${verb} ${resource}`, attributes: { tool: 'kubectl', intent } },
    { ...base, at: T + endHms + 'Z', line, kind: 'tool_result', action: 'observe', message: result.slice(0, 200), attributes: { tool: 'kubectl', result } },
  ];
}

export function audit(hms: string, line: number, actor: string, verb: string, resource: string, extra: Record<string, unknown> = {}): ScenarioEvent {
  return {
    source: AUDIT, at: T + hms + 'Z', line, kind: 'audit', actor, actorType: actor.startsWith('system:') ? 'system' : 'human',
    resource: resource as never, action: verb, message: `${actor} ${verb} ${resource}`, attributes: { verb, ...extra },
  };
}

export const deploymentJson = (name: string, replicas: number) =>
  JSON.stringify({ kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name, namespace: 'prod' }, spec: { replicas }, status: { replicas, readyReplicas: replicas } });

export const PAYMENTS = 'k8s:prod/deployment/payments';
