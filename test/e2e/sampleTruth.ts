// What the app must show for the sample, computed independently in Node with the same shared importers
// and analysis over the duckdb-wasm Node build (the CLI's engine), never hard-coded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openNodeDb } from '../../main/engine/nodeDb';
import { migrate } from '../../shared/db/schema';
import { importSource } from '../../shared/importers/pipeline';
import { analyze } from '../../shared/analysis/analyze';
import type { AnalysisV1 } from '../../shared/analysis/types';
import type { Db } from '../../shared/db/db';

export const SAMPLE_DIR = path.resolve(import.meta.dirname, '../../assets/samples/payments-scale-down');
/** The order the tests hand files to the app; ids depend on it. */
export const SAMPLE_FILES = ['app-logs.jsonl', 'k8s-audit.jsonl', 'agent-trace.otlp.json'].map((f) => path.join(SAMPLE_DIR, f));

/** A phrase the search test looks for; the truth counts the events whose message holds it. */
export const SEARCH_PHRASE = '503 connection pool exhausted';

export interface SampleTruth {
  events: number;
  kinds: Record<string, number>;
  phraseEvents: number;
  analysis: AnalysisV1;
  raw: Map<number, string>;
}

/** The sample imported by the Node engine, as the CLI would: the truth the window is checked against. */
export async function importSampleInNode(): Promise<Db> {
  const db = await openNodeDb();
  await migrate(db);
  for (const file of SAMPLE_FILES) {
    const buf = readFileSync(file);
    const name = path.basename(file);
    await importSource(db, { name, path: name, size: buf.length, read: async (o, l) => new Uint8Array(buf.subarray(o, o + l)) });
  }
  return db;
}

let cached: Promise<SampleTruth> | null = null;

export function sampleTruth(): Promise<SampleTruth> {
  cached ??= (async () => {
    const db = await importSampleInNode();
    const [{ n }] = await db.query<{ n: bigint }>('truth.count', 'SELECT count(*) AS n FROM events');
    const kinds = await db.query<{ kind: string; n: bigint }>('truth.kinds', 'SELECT kind, count(*) AS n FROM events GROUP BY kind');
    const phrase = await db.query<{ n: bigint }>('truth.phrase', 'SELECT count(*) AS n FROM events WHERE contains(lower(message), lower(?))', [SEARCH_PHRASE]);
    const analysis = await analyze(db);
    const rows = await db.query<{ event_id: number; raw: string }>('truth.raw', 'SELECT event_id, raw FROM raw_records');
    await db.close();
    return {
      events: Number(n),
      kinds: Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)])),
      phraseEvents: Number(phrase[0].n),
      analysis,
      raw: new Map(rows.map((r) => [r.event_id, r.raw])),
    };
  })();
  return cached;
}

/** The JSON value at an RFC 6901 pointer, for records cut out of one document (an OTLP span). */
export function atPointer(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((v, key) => (v as Record<string, unknown>)?.[key], doc);
}
