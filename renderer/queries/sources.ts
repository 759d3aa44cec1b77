// Imported files and their located errors, for the Sources panel.
import type { EngineClient } from '../engine/client';
import { getSources } from '../../shared/queries/sources';

export type { SourceRow } from '../../shared/queries/sources';

/** The same query the analysis reports sources with, so the panel and the CLI list files alike. */
export const listSources = (engine: EngineClient) => getSources(engine);

export function importErrors(engine: EngineClient, sourceId: number, limit = 200): Promise<{ line: number; reason: string }[]> {
  return engine.query('sources.errors', `SELECT line, reason FROM import_errors WHERE source_id = ? ORDER BY line LIMIT ${limit | 0}`, [sourceId]);
}
