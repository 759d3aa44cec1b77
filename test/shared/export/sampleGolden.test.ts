// Golden Markdown and JSON exports of the sample incident, through the real importers and analysis.
// When the analysis improves on purpose, regenerate with UPDATE_GOLDEN=1 and review the diff.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { fileSource, listEvidenceFiles } from '../../../main/engine/fileSource';
import { analyze } from '../../../shared/analysis/analyze';
import { migrate } from '../../../shared/db/schema';
import { importSource } from '../../../shared/importers/pipeline';
import { addNote, markRole, setLinkStatus, linkId } from '../../../shared/annotations';
import { exportAs, loadExportInput, type ExportInput } from '../../../shared/export';
import { expectGolden } from './golden';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const SAMPLE = 'assets/samples/payments-scale-down';
const present = existsSync(path.join(repoRoot, SAMPLE));

describe.skipIf(!present)('exports of the sample incident', () => {
  if (!present) console.warn(`skipped: ${SAMPLE} not present`);
  let input: ExportInput;
  beforeAll(async () => {
    const db = await openNodeDb();
    await migrate(db);
    for (const abs of await listEvidenceFiles([path.join(repoRoot, SAMPLE)])) {
      if (abs.endsWith('.md')) continue;
      const src = await fileSource(abs, path.relative(repoRoot, abs).split(path.sep).join('/'));
      try {
        await importSource(db, src);
      } finally {
        await src.close();
      }
    }
    const analysis = await analyze(db, { generator: 'driftline (golden)' });
    const stamp = { author: 'investigator@example.com', at: '2026-11-28T09:00:00.000Z' };
    const stale = analysis.divergences.find((d) => d.kind === 'stale_context');
    if (stale) {
      await addNote(db, { type: 'divergence', id: stale.id }, { bodyMd: 'The agent never re-read the deployment.' }, stamp);
      await markRole(db, { type: 'divergence', id: stale.id }, 'root_cause', 'acted on a stale read', stamp);
    }
    for (const e of analysis.chain.edges.slice(0, 2)) await setLinkStatus(db, linkId(e), 'confirmed', 'checked against the audit log', stamp);
    input = await loadExportInput(db, analysis, { generatedAt: '2026-11-28T10:00:00.000Z', timeline: 'cited' });
    await db.close();
  });

  it('Markdown postmortem', () => {
    const md = exportAs('md', input, 'none');
    expect(md).toContain('k8s:prod/deployment/payments');
    expectGolden('sample-postmortem.golden.md', md);
  });

  it('JSON', () => {
    expectGolden('sample-analysis.golden.json', exportAs('json', input, 'none'));
  });
});
