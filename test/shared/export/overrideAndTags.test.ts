// A classification override and note tags, as every export states them: the override with its author and
// rationale next to the analysis' own classification; tags beside the note, in CSV and in Timesketch's tag list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { addNote, clearClassificationOverride, current, editNote, overrideClassification } from '../../../shared/annotations';
import { exportAs, loadExportInput, type ExportInput } from '../../../shared/export';
import { buildPresentation } from '../../../shared/export/presentation';
import { CSV_COLUMNS } from '../../../shared/export/csv';
import { ANALYSIS, loadIncident } from '../../fixtures/export/incident';
import { annotateIncident } from '../../fixtures/export/annotate';

const generatedAt = '2026-11-28T10:00:00.000Z';
const dave = { author: 'dave@example.com', at: '2026-11-28T09:30:00.000Z' };
const RATIONALE = 'the agent had no signal of the campaign at all, so nothing was stale to it';

describe('classification override and tags in exports', () => {
  let db: Db;
  let cited: ExportInput;
  let all: ExportInput;
  beforeAll(async () => {
    db = await openNodeDb();
    await migrate(db);
    await loadIncident(db);
    await annotateIncident(db);
    await overrideClassification(db, 'missing_context', RATIONALE, dave);
    const n = await addNote(db, { type: 'event', id: '3' }, { bodyMd: 'alice scaled for the campaign', tags: ['Human Change', 'campaign'] }, dave);
    await editNote(db, n.id, { tags: ['human-change', 'campaign', 'confirmed by alice'] }, { ...dave, at: '2026-11-28T09:31:00.000Z' });
    cited = await loadExportInput(db, ANALYSIS, { generatedAt, timeline: 'cited' });
    all = await loadExportInput(db, ANALYSIS, { generatedAt, timeline: 'all' });
  });
  afterAll(() => db.close());

  it('Markdown leads with the override, says who and why, and keeps the analysis\' classification beside it', () => {
    const md = exportAs('md', cited, 'none');
    expect(md).toContain('# Postmortem: missing context incident');
    expect(md).toContain(`**missing\\_context**, overridden by dave@example.com: ${RATIONALE} (2026-11-28T09:30:00.000Z)`);
    expect(md).toContain('The analysis said: stale context (confidence 0.88): The agent acted on a read 6m55s old');
  });

  it('HTML and JSON say the same', () => {
    const html = exportAs('html', cited, 'none');
    expect(html).toContain(`<strong>missing_context</strong>, overridden by dave@example.com: ${RATIONALE}`);
    expect(html).toContain('The analysis said: stale context (confidence 0.88)');
    const doc = JSON.parse(exportAs('json', cited, 'none'));
    expect(doc.annotations.classification).toEqual({
      class: 'missing_context', overridden: true, overridden_by: 'dave@example.com', overridden_at: dave.at, rationale: RATIONALE,
      summary: `overridden by dave@example.com: ${RATIONALE}`, analysis: ANALYSIS.classification[0],
    });
    // The analysis part stays the analysis' own.
    expect(doc.classification).toEqual(ANALYSIS.classification);
  });

  it('the closing slide shows the override, the speaker notes the analysis\' view', () => {
    const closing = buildPresentation(cited).slides.at(-1)!;
    expect(closing.title).toBe('Classification: missing context');
    expect(closing.body[0]).toBe(`overridden by dave@example.com: ${RATIONALE}`);
    expect(closing.notes[0]).toMatch(/^The analysis said: stale context \(confidence 0\.88\)/);
  });

  it('clearing the override goes back to the analysis, and the override stays in history', async () => {
    const db2 = await openNodeDb();
    await migrate(db2);
    await loadIncident(db2);
    await overrideClassification(db2, 'missing_context', RATIONALE, dave);
    await clearClassificationOverride(db2, { ...dave, at: '2026-11-28T09:40:00.000Z' });
    expect((await current(db2)).some((a) => a.kind === 'classification')).toBe(false);
    const input = await loadExportInput(db2, ANALYSIS, { generatedAt, timeline: 'cited' });
    const doc = JSON.parse(exportAs('json', input, 'none'));
    expect(doc.annotations.classification.overridden).toBe(false);
    expect(doc.annotations.history.filter((a: { id: string }) => a.id === 'classification').map((a: { deleted: boolean }) => a.deleted)).toEqual([false, true]);
    await expect(overrideClassification(db2, 'made_up' as never, 'x', dave)).rejects.toThrow(/Unknown classification/);
    await db2.close();
  });

  it('tags are normalised, listed with the note, in the CSV tags column and as Timesketch tags', () => {
    const md = exportAs('md', cited, 'none');
    expect(md).toContain('alice scaled for the campaign [human-change, campaign, confirmed-by-alice] (dave@example.com');
    const html = exportAs('html', cited, 'none');
    expect(html).toContain('<span class="tag">confirmed-by-alice</span>');
    const csv = exportAs('csv', all, 'none').split('\r\n');
    const header = csv[0].split(',');
    expect(header).toEqual([...CSV_COLUMNS]);
    const row = csv.find((l) => l.split(',')[2] === '3')!;
    expect(row.split(',')[CSV_COLUMNS.indexOf('tags')]).toBe('human-change campaign confirmed-by-alice');
    const ts = exportAs('timesketch', all, 'none').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(ts.find((l) => l.driftline_event_id === 3).tag).toEqual(['human-change', 'campaign', 'confirmed-by-alice']);
    expect(ts.find((l) => l.kind === 'manual').tag).toEqual(['manual']);
  });
});
