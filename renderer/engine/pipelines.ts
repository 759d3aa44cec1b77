// The shared import and analysis pipelines as the worker calls them: the one place that adapts their signatures.
import type { Db } from '../../shared/db/db';
import type { AnalysisV1 } from '../../shared/analysis/types';
import type { ByteSource, ImportProgress } from '../../shared/importers/types';
import { importSource } from '../../shared/importers/pipeline';
import { analyze } from '../../shared/analysis/analyze';

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
