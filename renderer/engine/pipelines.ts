// The shared import and analysis pipelines as the worker calls them: the one place that adapts their signatures.
import type { Db } from '../../shared/db/db';
import type { AnalysisV1 } from '../../shared/analysis/types';
import type { ByteSource, ImportProgress } from '../../shared/importers/types';
import { importSource } from '../../shared/importers/pipeline';
export { reserveForImport } from '../../shared/importers/pipeline';
import type { ParsePool } from '../../shared/importers/parallel';
import { browserParsePool } from './parsePool';
import { analyze } from '../../shared/analysis/analyze';
import { exportAs, loadExportInput, type ExportFormat } from '../../shared/export';
import { openInvestigation, saveInvestigation } from '../../shared/investigation';

export interface ImportOutcome {
  sourceId: number | null;
  events: number;
  errors: number;
}

/** Parse workers, started by the first import; null once they proved unable to run here. */
let pool: ParsePool | null | undefined;

export async function runImport(db: Db, src: ByteSource, onProgress: (p: ImportProgress) => void, signal: AbortSignal): Promise<ImportOutcome> {
  if (pool === undefined) pool = browserParsePool();
  let info;
  try {
    info = await importSource(db, src, { onProgress, signal, pool: pool ?? undefined });
  } catch (e) {
    if (!pool?.failure) throw e;
    // Workers could not run here: parse on this thread from now on rather than fail the import.
    pool.close();
    pool = null;
    info = await importSource(db, src, { onProgress, signal });
  }
  return { sourceId: info.id, events: info.events, errors: info.errors };
}

export function runAnalysis(db: Db): Promise<AnalysisV1> {
  return analyze(db, { generator: 'driftline 0.1.0 (app)' });
}

/** A report in one format, always through a redaction profile (exportAs applies it). */
export async function runExport(db: Db, analysis: AnalysisV1, format: ExportFormat, profile: string, generatedAt: string): Promise<string> {
  const timeline = format === 'csv' || format === 'timesketch' ? 'all' : 'cited';
  return exportAs(format, await loadExportInput(db, analysis, { generatedAt, timeline }), profile);
}

export { saveInvestigation, openInvestigation };
export { anchorUntimedSources } from '../../shared/analysis/anchoring';
