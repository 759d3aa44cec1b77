// The `driftline` command line: `analyze` and `formats`. runCli is the testable core; the bottom of
// this file runs it when this module is the process entry (tsx in a clone, or the esbuild bundle).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IMPORTERS } from '../../shared/importers/registry';
import { runAnalyze } from './analyzeCommand';
import { runExport } from './exportCommand';
import { runSave } from './saveCommand';
import { CliError, nodeIo, type CliIo } from './io';

const HELP = `driftline: investigate incidents caused by AI agents, offline

usage:
  driftline analyze <file-or-folder>... [--format json|md] [--out FILE] [--clock-offset PATH=DURATION]...
                    [--start [PATH=]ISO-TIME]... [--year YYYY]
  driftline save <file-or-folder>... --out case.driftline [--clock-offset PATH=DURATION]...
                 [--start [PATH=]ISO-TIME]... [--year YYYY]
  driftline export <case.driftline> --format md|json|html|svg|csv|timesketch [--redact PROFILE] [--out FILE]
  driftline formats
  driftline --help | --version

analyze imports every file (folders recursively), finds where the agent's context diverged from
production, and prints driftline.analysis/v1 JSON (default) or a Markdown summary. See docs/cli.md.
`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'analyze':
        return await runAnalyze(rest, io);
      case 'save':
        return await runSave(rest, io);
      case 'export':
        return await runExport(rest, io);
      case 'formats':
        for (const imp of [...IMPORTERS].sort((a, b) => a.id.localeCompare(b.id))) io.stdout(`${imp.id.padEnd(16)} v${imp.version}  ${imp.label}\n`);
        return 0;
      case '--version':
      case '-v':
        io.stdout('driftline 0.1.0\n');
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`unknown command "${command}" (try: driftline analyze <files> or driftline --help)`);
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`driftline: ${e.message}\n`);
      return e.exitCode;
    }
    // Unexpected failures still get one line; DRIFTLINE_DEBUG=1 shows the stack for bug reports.
    io.stderr(`driftline: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.DRIFTLINE_DEBUG) io.stderr(`${(e as Error)?.stack ?? ''}\n`);
    return 1;
  }
}

export function main(argv: readonly string[] = process.argv.slice(2)): void {
  runCli(argv, nodeIo()).then((code) => { process.exitCode = code; });
}

function isEntry(): boolean {
  try {
    return Boolean(process.argv[1]) && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) main();
