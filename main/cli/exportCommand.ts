// `driftline export <file.driftline> --format md|json|html|svg|csv|timesketch [--redact PROFILE] [--out FILE]`:
// opens a saved investigation (checking its seal) and writes one export, redacted.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { fileSource } from '../engine/fileSource';
import { openNodeDb } from '../engine/nodeDb';
import { writeFileAtomic } from '../services/atomicWrite';
import { analyze } from '../../shared/analysis/analyze';
import { EXPORT_FORMATS, exportAs, loadExportInput, type ExportFormat } from '../../shared/export';
import {
  compareSources, describeSourceChecks, InvestigationFormatError, InvestigationTamperedError, openInvestigation, type InvestigationManifest,
} from '../../shared/investigation';
import { PROFILES } from '../../shared/redaction';
import { CliError, type CliIo } from './io';

export interface ExportArgs {
  file: string;
  format: ExportFormat;
  redact: string;
  out: string | undefined;
  allowAltered: boolean;
}

export function parseExportArgs(argv: readonly string[]): ExportArgs {
  const files: string[] = [];
  let format: string | undefined;
  // Secure by default: a postmortem usually leaves the team; `--redact none` is an explicit choice.
  let redact = 'standard';
  let out: string | undefined;
  let allowAltered = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = () => {
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new CliError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--format' || flag === '-f') format = value();
    else if (flag === '--redact') redact = value();
    else if (flag === '--out' || flag === '-o') out = value();
    else if (flag === '--allow-altered') allowAltered = true;
    else if (a.startsWith('-') && a !== '-') throw new CliError(`unknown option ${a} (see driftline --help)`);
    else files.push(a);
  }
  if (files.length !== 1) throw new CliError('export needs exactly one .driftline file (driftline export case.driftline --format md)');
  if (!format) throw new CliError(`export needs --format (${EXPORT_FORMATS.join(', ')})`);
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) throw new CliError(`unknown --format "${format}" (use ${EXPORT_FORMATS.join(', ')})`);
  if (!(redact in PROFILES)) throw new CliError(`unknown --redact profile "${redact}" (use ${Object.keys(PROFILES).join(', ')})`);
  return { file: files[0], format: format as ExportFormat, redact, out, allowAltered };
}

/** Hashes the evidence files that are still where they were imported from (relative to cwd or to the case file). */
async function hashOriginals(manifest: InvestigationManifest, bases: string[]): Promise<Map<string, string | null>> {
  const found = new Map<string, string | null>();
  for (const s of manifest.sources) {
    const candidate = [s.path, ...bases.map((b) => path.resolve(b, s.path))].find((p) => path.isAbsolute(p) && existsSync(p));
    found.set(s.path, candidate ? await sha256File(candidate) : null);
  }
  return found;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The time stamped into the export: SOURCE_DATE_EPOCH (reproducible builds' convention) when set, else now. */
function generatedAt(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000).toISOString() : new Date().toISOString();
}

export async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseExportArgs(argv);
  const file = path.resolve(io.cwd, args.file);
  if (!existsSync(file)) throw new CliError(`no such file: ${args.file}`);
  const db = await openNodeDb();
  try {
    let opened;
    // Read piece by piece: the file is never held whole in memory.
    const source = await fileSource(file);
    try {
      opened = await openInvestigation(db, source, { allowAltered: args.allowAltered });
    } catch (e) {
      if (e instanceof InvestigationTamperedError) throw new CliError(`${e.message} Refusing to export it (--allow-altered exports it anyway, with a warning).`, 4);
      if (e instanceof InvestigationFormatError) throw new CliError(`${args.file}: ${e.message}`, 3);
      throw e;
    } finally {
      await source.close();
    }
    const checks = compareSources(opened.manifest, await hashOriginals(opened.manifest, [io.cwd, path.dirname(file)]));
    if (checks.some((c) => c.status === 'mismatch')) io.stderr(`driftline: warning: ${describeSourceChecks(checks)}\n`);
    if (opened.altered.length) io.stderr(`driftline: warning: ${args.file} was altered after saving (${opened.altered.join(', ')}); exporting anyway\n`);
    // A file saved before any analysis ran still exports: analyse what it holds.
    const analysis = opened.analysis ?? await analyze(db, { generator: `driftline-cli (export of ${path.basename(file)})` });
    const input = await loadExportInput(db, analysis, {
      generatedAt: generatedAt(),
      timeline: args.format === 'csv' || args.format === 'timesketch' ? 'all' : 'cited',
      investigation: { sha256: opened.manifest.sha256, savedAt: opened.manifest.saved_at, appVersion: opened.manifest.app_version },
    });
    const text = exportAs(args.format, input, args.redact);
    if (args.out) {
      await writeFileAtomic(path.resolve(io.cwd, args.out), new TextEncoder().encode(text));
      io.stderr(`driftline: wrote ${args.out} (${args.format}, redaction ${args.redact})\n`);
    } else io.stdout(text);
    return 0;
  } finally {
    await db.close();
  }
}
