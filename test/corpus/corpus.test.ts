// Imports every real-world file under ../shared/corpus and checks what we know about each.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../main/engine/nodeDb';
import { fileSource, listEvidenceFiles } from '../../main/engine/fileSource';
import type { Db } from '../../shared/db/db';
import { migrate } from '../../shared/db/schema';
import { importSource } from '../../shared/importers/pipeline';
import { repoRoot } from '../shared/importers/helpers';
import { countRecords } from '../shared/importers/recordCount';

const corpus = path.resolve(repoRoot, '../shared/corpus');
const present = existsSync(corpus);
if (!present) console.warn(`corpus test skipped: ${corpus} is absent (it lives next to the repository, not in it)`);

/** The format each corpus file must be detected as; files not listed are skipped with a printed reason. */
const EXPECTED: Record<string, string> = {
  'k8s-audit/falco-k8s-audit-events.jsonl': 'k8s-audit',
  'otlp/otel-proto-example-trace.json': 'otlp-trace',
  'otlp/jaeger-ui-otlp-nodejs-sdk-multi.json': 'otlp-trace',
  'otlp/otel-proto-example-logs.json': 'otlp-log',
  'otlp/otel-proto-example-events.json': 'otlp-log',
  'zipkin/smartthings-mobile-web-install.json': 'zipkin',
  'zipkin/yelp.json': 'zipkin',
  'zipkin/messaging-kafka.json': 'zipkin',
  'zipkin/skew.json': 'zipkin',
  'jaeger/jaeger-ui-genai-agent-trace.json': 'jaeger',
  'jaeger/jaeger-ui-ride-sharing-pyroscope.json': 'jaeger',
  'logs/loghub-HDFS_2k.log': 'text-log',
  'logs/loghub-OpenStack_2k.log': 'text-log',
  'logs/loghub-Linux_2k.log': 'syslog',
  'logs/loghub-OpenSSH_2k.log': 'syslog',
  'logs/plaso-k8s-cri-container.log': 'cri-log',
  'logs/plaso-rsyslog-rfc5424.log': 'syslog',
  'logs/plaso-syslog.log': 'syslog',
  'cloudtrail/plaso-aws-cloudtrail-lookup-events.jsonl': 'cloudtrail',
  'cloudtrail/plaso-azure-activity-log.jsonl': 'azure-activity',
  'transcripts/openhands-basic-2048-trajectory.json': 'openhands',
  'transcripts/openhands-multi-swe-bench-output.jsonl': 'openhands',
  'transcripts/swe-agent-gpt4-pydicom-1458.traj': 'swe-agent',
  'transcripts/swe-agent-function-calling-marshmallow-1867.traj': 'swe-agent',
};
/** Not evidence: documentation that travels with the data. */
const NOT_EVIDENCE = new Set(['SOURCES.md', 'logs/LOGHUB-LICENSE.txt']);

/** Counts known for a file: merged audit stages, tool spans that yield a call and a result (derived). */
interface Known {
  events?: number;
  merged?: number;
  derived?: number;
  errors?: number;
  errorLines?: number[];
  minEvents?: number;
}
const KNOWN: Record<string, Known> = {
  'zipkin/smartthings-mobile-web-install.json': { events: 1041, errors: 0 },
  'k8s-audit/falco-k8s-audit-events.jsonl': { events: 37, merged: 2, errors: 1, errorLines: [39] },
  'logs/loghub-HDFS_2k.log': { events: 2000, errors: 0 },
  'cloudtrail/plaso-aws-cloudtrail-lookup-events.jsonl': { events: 6, errors: 0 },
  'cloudtrail/plaso-azure-activity-log.jsonl': { events: 4, errors: 0 },
  // 12 and 11 steps, each a call and a result (the result derived from the step's record), plus the task statement.
  'transcripts/swe-agent-gpt4-pydicom-1458.traj': { events: 12 * 2 + 1, derived: 12, errors: 0 },
  'transcripts/swe-agent-function-calling-marshmallow-1867.traj': { events: 11 * 2 + 1, derived: 11, errors: 0 },
  // 57 spans: the tool spans give a call and a result, model spans the prompt they were handed.
  'jaeger/jaeger-ui-genai-agent-trace.json': { events: 66, derived: 9, errors: 0 },
  // 49 + 70 + 103 events in three runs.
  'transcripts/openhands-multi-swe-bench-output.jsonl': { events: 49 + 70 + 103, errors: 0 },
  'logs/loghub-OpenStack_2k.log': { events: 2000, errors: 0 },
  'logs/loghub-Linux_2k.log': { events: 2000, errors: 0 },
  'logs/loghub-OpenSSH_2k.log': { events: 2000, errors: 0 },
};

describe.skipIf(!present)('real-world corpus', () => {
  let db: Db;
  let files: string[] = [];
  beforeAll(async () => {
    db = await openNodeDb();
    await migrate(db);
    files = (await listEvidenceFiles([corpus])).map((f) => path.relative(corpus, f).split(path.sep).join('/')).filter((f) => !NOT_EVIDENCE.has(f));
    const skipped = files.filter((f) => !EXPECTED[f]);
    if (skipped.length) console.warn(`corpus: no importer yet for ${skipped.length} file(s), skipped:\n  ${skipped.join('\n  ')}`);
  });
  afterAll(() => db.close());

  it('imports every file whose format is implemented, as that format, with its records accounted for', async () => {
    const known = Object.keys(EXPECTED).filter((f) => files.includes(f));
    expect(known.length).toBeGreaterThan(0);
    for (const rel of known) {
      const info = await importSource(db, await fileSource(path.join(corpus, rel), rel));
      expect(info.format, rel).toBe(EXPECTED[rel]);
      expect(info.events, rel).toBeGreaterThan(0);
      const k = KNOWN[rel];
      if (k?.events !== undefined) expect(info.events, rel).toBe(k.events);
      if (k?.merged !== undefined) expect(info.merged, rel).toBe(k.merged);
      if (k?.derived !== undefined) expect(info.derived, rel).toBe(k.derived);
      if (k?.errors !== undefined) expect(info.errors, rel).toBe(k.errors);
      if (k?.minEvents !== undefined) expect(info.events, rel).toBeGreaterThanOrEqual(k.minEvents);
      const errs = await db.query<{ line: number }>('t', `SELECT line FROM import_errors WHERE source_id = ${info.id} ORDER BY line`);
      expect(errs.length, rel).toBe(info.errors);
      if (k?.errorLines) expect(errs.map((e) => e.line), rel).toEqual(k.errorLines);
      const [n] = await db.query<{ n: bigint }>('t', `SELECT count(*) AS n FROM events WHERE source_id = ${info.id}`);
      expect(Number(n.n), rel).toBe(info.events);
      // Every record is an event (some give more than one), a merged duplicate or an error; counted without the importer.
      const records = countRecords(info.format, readFileSync(path.join(corpus, rel), 'utf8'));
      expect(records, `${rel}: no independent record count for ${info.format}`).toBeDefined();
      expect(info.events - info.derived + info.merged + info.errors, rel).toBe(records);
      const [stored] = await db.query<{ derived: number }>('t', `SELECT derived FROM sources WHERE id = ${info.id}`);
      expect(stored.derived, rel).toBe(info.derived);
      console.log(`corpus: ${rel} → ${info.format} records=${records} events=${info.events} derived=${info.derived} merged=${info.merged} errors=${info.errors}`);
    }
  });
});
