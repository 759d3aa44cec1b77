// The shared import and analysis pipelines as the worker calls them: the one place that adapts their signatures.
import type { Db } from '../../shared/db/db';
import type { AnalysisV1 } from '../../shared/analysis/types';
import type { ByteSource, ImportProgress } from '../../shared/importers/types';
import { importSource } from '../../shared/importers/pipeline';
import { analyze } from '../../shared/analysis/analyze';
import { exportAs, loadExportInput, type ExportFormat } from '../../shared/export';
import { openInvestigation, saveInvestigation } from '../../shared/investigation';

export interface ImportOutcome {
  sourceId: number | null;
  events: number;
  errors: number;
}

export async function runImport(db: Db, src: ByteSource, onProgress: (p: ImportProgress) => void, signal: AbortSignal): Promise<ImportOutcome> {
  const info = await importSource(db, src, { onProgress, signal });
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
