import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { buildPresentation, loadExportInput, type ExportInput } from '../../../shared/export';
import { ANALYSIS, loadIncident } from '../../fixtures/export/incident';
import { annotateIncident } from '../../fixtures/export/annotate';

describe('presentation data', () => {
  let db: Db;
  let input: ExportInput;
  beforeAll(async () => {
    db = await openNodeDb();
    await migrate(db);
    await loadIncident(db);
    input = await loadExportInput(db, ANALYSIS, { generatedAt: '2026-11-28T10:00:00.000Z', timeline: 'cited' });
  });
  afterAll(() => db.close());

  it('falls back to the proposed chain while nothing is confirmed', () => {
    const p = buildPresentation(input);
    expect(p.proposedOnly).toBe(true);
    expect(p.slides.filter((s) => s.kind === 'step')).toHaveLength(6);
  });

  it('shows one slide per confirmed step, with zoom focus, speaker notes and a closing slide', async () => {
    await annotateIncident(db);
    input = await loadExportInput(db, ANALYSIS, { generatedAt: '2026-11-28T10:00:00.000Z', timeline: 'cited' });
    const p = buildPresentation(input);
    expect(p.proposedOnly).toBe(false);
    expect(p.slides.map((s) => s.kind)).toEqual(['title', 'step', 'step', 'step', 'closing']);
    const first = p.slides[1];
    expect(first.title).toBe('1/3 10:07:00: kubectl scale payments --replicas=2');
    expect(first.focus).toEqual({ from: '2026-11-27T10:00:05.000Z', to: '2026-11-27T10:07:00.000Z', eventIds: [1, 5], nodeIds: ['n-div', 'n-call'], linkId: 'n-div->n-call' });
    expect(first.notes[0]).toBe('Link confirmed: the scale command used the value read at 10:00:05');
    expect(first.notes.some((n) => n.startsWith('The agent never re-read the deployment'))).toBe(true);
    const closing = p.slides[4];
    expect(closing.title).toBe('Classification: stale context');
    expect(closing.body).toContain('Agent kept acting after first impact for: 6m30s');
    expect(closing.notes[0]).toMatch(/^Root cause: divergence div-1/);
  });

  it('redacts like any export when asked', () => {
    const p = buildPresentation(input, 'standard');
    expect(JSON.stringify(p.slides)).not.toMatch(/alice|bob@|carol/);
    expect(p.redaction.profile).toBe('standard');
  });
});
