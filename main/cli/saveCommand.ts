// `driftline save <file-or-folder>... --out case.driftline`: imports evidence, analyses it and writes
// an investigation file, so a case can be built headlessly (CI, scripts) and exported or opened later.
// It takes analyze's clock options, so the saved file holds the same corrected times analyze prints.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { openNodeDb } from '../engine/nodeDb';
import { fileSource, listEvidenceFiles } from '../engine/fileSource';
import { writeFileAtomic } from '../services/atomicWrite';
import { analyze } from '../../shared/analysis/analyze';
import { anchorUntimedSources } from '../../shared/analysis/anchoring';
import { migrate } from '../../shared/db/schema';
import { importSource, reserveForImport } from '../../shared/importers/pipeline';
import { nodeImportOptions } from '../engine/parsePool';
import { saveInvestigation } from '../../shared/investigation';
import { CLI_GENERATOR, placementNotes } from './analyzeCommand';
import { clockImportOptions, parseSaveArgs } from './args';
import { CliError, type CliIo } from './io';

const APP_VERSION = '0.1.0';

export async function runSave(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseSaveArgs(argv);
  for (const input of args.inputs) if (!existsSync(path.resolve(io.cwd, input))) throw new CliError(`no such file or folder: ${input}`);

  const db = await openNodeDb();
  try {
    await migrate(db);
    const files = await listEvidenceFiles(args.inputs.map((i) => path.resolve(io.cwd, i)));
    reserveForImport(db, files.map((f) => statSync(f).size));
    for (const abs of files) {
      const rel = path.relative(io.cwd, abs);
      const src = await fileSource(abs, (rel.startsWith('..') ? abs : rel).split(path.sep).join('/'));
      try {
        await importSource(db, src, { ...(await nodeImportOptions()), ...clockImportOptions(src.path, args) });
      } catch (e) {
        io.stderr(`driftline: skipped ${src.path}: ${e instanceof Error ? e.message : String(e)}\n`);
      } finally {
        await src.close();
      }
    }
    await anchorUntimedSources(db);
    const analysis = await analyze(db, { generator: CLI_GENERATOR });
    for (const note of placementNotes(analysis, args.year !== undefined)) io.stderr(`driftline: ${note}\n`);
    const now = new Date().toISOString();
    const bytes = await saveInvestigation(db, { appVersion: APP_VERSION, savedAt: now, analysis });
    await writeFileAtomic(path.resolve(io.cwd, args.out), bytes);
    io.stderr(`driftline: saved ${args.out} (${(bytes.length / 1024).toFixed(0)} KiB)\n`);
    return 0;
  } finally {
    await db.close();
  }
}
