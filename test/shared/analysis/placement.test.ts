// Which anchoring each source's times came from, as the analysis (and so the CLI and the Sources panel) says it.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { fileSource } from '../../../main/engine/fileSource';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { importSource, type ImportOptions } from '../../../shared/importers/pipeline';
import { offsetForStart, setClockOffset } from '../../../shared/importers/clockOffset';
import { analyze } from '../../../shared/analysis/analyze';
import { parseIsoNanos } from '../../../shared/model/time';
import { getSources } from '../../../shared/queries/sources';
import { readFileSync } from 'node:fs';
import { validate } from '../../main/cli/miniSchema';

const FIX = path.resolve(import.meta.dirname, '../../fixtures');
let db: Db;

async function add(file: string, shown: string, opts: ImportOptions = {}) {
  const src = await fileSource(path.join(FIX, file), shown);
  try {
    return Number((await importSource(db, src, opts)).id);
  } finally {
    await src.close();
  }
}

beforeAll(async () => {
  db = await openNodeDb();
  await migrate(db);
  await add('transcripts/run.traj', 'untimed.traj');
  await add('transcripts/run.traj', 'started.traj', { anchorNs: parseIsoNanos('2026-11-27T10:00:00Z') });
  await add('syslog/mixed.log', 'mixed.log', { assumeYear: 2025 });
  await add('otlp-trace/agent.otlp.json', 'agent.otlp.json');
});
afterAll(() => db.close());

const anchoring = async () => Object.fromEntries((await analyze(db)).sources.map((s) => [s.path, s.anchoring]));

describe('source anchoring in the analysis', () => {
  it('says which sources had no times, which were anchored to a given start, which had a year assumed', async () => {
    const a = await anchoring();
    expect(a['untimed.traj']).toEqual({ basis: 'no_times', note: expect.stringMatching(/placed at 0 .*set a start time/) });
    expect(a['started.traj']).toEqual({ basis: 'start_given', note: 'no times in the file: anchored to the start time you gave' });
    expect(a['mixed.log']).toEqual({ basis: 'year_assumed', note: expect.stringContaining('2025 assumed') });
    // Times from the file: no key at all, so outputs of timed evidence stay as they were.
    expect(a['agent.otlp.json']).toBeUndefined();
    const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../docs/analysis-v1.schema.json'), 'utf8'));
    expect(validate(schema, JSON.parse(JSON.stringify(await analyze(db))))).toEqual([]);
  });

  it('a start time set later for an untimed transcript moves its first event there and changes what it says', async () => {
    const untimed = (await getSources(db)).find((s) => s.path === 'untimed.traj')!;
    const start = parseIsoNanos('2026-11-27T09:58:00Z')!;
    await setClockOffset(db, untimed.id, offsetForStart(untimed, start));
    const now = (await getSources(db)).find((s) => s.path === 'untimed.traj')!;
    expect(now.minTs).toBe(start);
    expect((await anchoring())['untimed.traj']).toEqual({ basis: 'no_times', note: 'no times in the file: placed at the start time you set' });
  });
});
