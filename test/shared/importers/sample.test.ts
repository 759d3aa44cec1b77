import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { fileSource, listEvidenceFiles } from '../../../main/engine/fileSource';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { importSource } from '../../../shared/importers/pipeline';
import type { SourceInfo } from '../../../shared/model/source';
import { repoRoot } from './helpers';

const sample = path.join(repoRoot, 'assets/samples/payments-scale-down');

describe.skipIf(!existsSync(sample))('the payments-scale-down sample imports cleanly', () => {
  let db: Db;
  const infos: SourceInfo[] = [];
  beforeAll(async () => {
    db = await openNodeDb();
    await migrate(db);
    for (const f of await listEvidenceFiles([sample])) {
      if (!/\.(jsonl|json)$/.test(f)) continue;
      infos.push(await importSource(db, await fileSource(f)));
    }
  });
  afterAll(() => db.close());

  it('detects each file and reports no errors', () => {
    expect(infos.map((i) => [path.basename(i.path), i.format, i.errors])).toEqual([
      ['agent-trace.otlp.json', 'otlp-trace', 0],
      ['app-logs.jsonl', 'jsonl-log', 0],
      ['k8s-audit.jsonl', 'k8s-audit', 0],
    ]);
    for (const i of infos) expect(i.events).toBeGreaterThan(0);
  });

  it('has the agent scale-down as a tool call and alice’s scale-up as an audit record', async () => {
    const calls = await db.query('t', "SELECT actor, action, resource, call_id FROM events WHERE kind = 'tool_call' AND action = 'scale' ORDER BY ts");
    expect(calls[0]).toMatchObject({ actor: 'ops-agent', resource: 'k8s:prod/deployment/payments' });
    const alice = await db.query('t', "SELECT action, resource FROM events WHERE kind = 'audit' AND actor = 'alice@example.com'");
    expect(alice).toContainEqual({ action: 'patch', resource: 'k8s:prod/deployment/payments' });
    const results = await db.query<{ n: bigint }>('t', "SELECT count(*) AS n FROM events c JOIN events r ON r.call_id = c.call_id AND r.kind = 'tool_result' WHERE c.kind = 'tool_call'");
    expect(Number(results[0].n)).toBe(Number((await db.query<{ n: bigint }>('t', "SELECT count(*) AS n FROM events WHERE kind = 'tool_call'"))[0].n));
  });
});
