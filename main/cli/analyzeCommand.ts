// `driftline analyze`: import files and folders into a fresh in-memory database, analyse, print.
import { writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { openNodeDb } from '../engine/nodeDb';
import { fileSource, listEvidenceFiles } from '../engine/fileSource';
import { migrate } from '../../shared/db/schema';
import { importSource, reserveForImport } from '../../shared/importers/pipeline';
import { nodeImportOptions } from '../engine/parsePool';
import { analyze } from '../../shared/analysis/analyze';
import { anchorUntimedSources } from '../../shared/analysis/anchoring';
import { analysisToMarkdown } from '../../shared/analysis/markdown';
import { clockImportOptions, parseAnalyzeArgs } from './args';
import type { AnalysisV1 } from '../../shared/analysis/types';
import { CliError, type CliIo } from './io';

export const CLI_GENERATOR = 'driftline-cli 0.1.0';

export async function runAnalyze(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseAnalyzeArgs(argv);
  for (const input of args.inputs) {
    if (!existsSync(path.resolve(io.cwd, input))) throw new CliError(`no such file or folder: ${input}`);
  }
  const explicit = new Set(args.inputs.filter((i) => statSync(path.resolve(io.cwd, i)).isFile()));
  const files = await listEvidenceFiles(args.inputs.map((i) => path.resolve(io.cwd, i)));
  const db = await openNodeDb();
  try {
    await migrate(db);
    reserveForImport(db, files.map((f) => statSync(f).size));
    let imported = 0;
    for (const abs of files) {
      // Evidence is cited by the path as the user gave it (relative stays relative).
      const shown = path.relative(io.cwd, abs).startsWith('..') ? abs : path.relative(io.cwd, abs) || abs;
      const src = await fileSource(abs, shown.split(path.sep).join('/'));
      try {
        await importSource(db, src, {
          ...(await nodeImportOptions()),
          ...clockImportOptions(src.path, args),
          onProgress: io.stderrIsTTY ? (p) => io.stderr(`\rimporting ${p.path} ${Math.floor((100 * p.bytesRead) / Math.max(1, p.totalBytes))}% ${p.events} events`) : undefined,
        });
        imported++;
        if (io.stderrIsTTY) io.stderr('\n');
      } catch (e) {
        if (io.stderrIsTTY) io.stderr('\n');
        const reason = e instanceof Error ? e.message : String(e);
        // A file named on the command line must import; one found in a folder (a README) may be skipped.
        if ([...explicit].some((x) => path.resolve(io.cwd, x) === abs)) throw new CliError(`cannot import ${src.path}: ${reason}`, 3);
        io.stderr(`driftline: skipped ${src.path}: ${reason}\n`);
      } finally {
        await src.close();
      }
    }
    if (!imported) throw new CliError('no evidence file could be imported', 3);
    await anchorUntimedSources(db);
    const result = await analyze(db, { generator: CLI_GENERATOR });
    for (const note of placementNotes(result, args.year !== undefined)) io.stderr(`driftline: ${note}\n`);
    const text = args.format === 'json' ? JSON.stringify(result, null, 2) + '\n' : analysisToMarkdown(result);
    if (args.out) await writeFile(path.resolve(io.cwd, args.out), text);
    else io.stdout(text);
    return 0;
  } finally {
    await db.close();
  }
}

/** What a person should know about where times came from, with the option that changes it. */
export function placementNotes(a: AnalysisV1, yearGiven: boolean): string[] {
  const notes: string[] = [];
  for (const s of a.sources) {
    if (s.anchoring?.basis === 'no_times' && s.clock_offset_ms === 0) notes.push(`${s.path} has no times: its events start at 1970-01-01; give --start ${s.path}=<iso-time> to place them`);
    else if ((s.anchoring?.basis === 'audit_record' || s.anchoring?.basis === 'span') && s.anchoring.note) notes.push(`${s.path}: ${s.anchoring.note}; give --start ${s.path}=<iso-time> to place it otherwise`);
    else if (s.anchoring?.basis === 'year_assumed' && !yearGiven) notes.push(`${s.path}: ${s.anchoring.note}; give --year YYYY if that is wrong`);
  }
  for (const k of a.clock_skew ?? []) {
    notes.push(`clock skew: ${k.why} To apply it: --clock-offset ${k.source}=${k.shift_ms + (a.sources.find((s) => s.path === k.source)?.clock_offset_ms ?? 0)}ms`);
  }
  return notes;
}
