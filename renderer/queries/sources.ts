// Imported files and their located errors, for the Sources panel.
import type { EngineClient } from '../engine/client';

export interface SourceRow {
  id: number;
  path: string;
  size: bigint;
  sha256: string;
  format: string;
  events: number;
  merged: number;
  errors: number;
  minTs: bigint | null;
  maxTs: bigint | null;
  clockOffsetNs: bigint;
}

export function listSources(engine: EngineClient): Promise<SourceRow[]> {
  return engine.query<SourceRow & Record<string, unknown>>(
    'sources.list',
    `SELECT id, path, size, sha256, format, events, merged, errors, min_ts AS "minTs", max_ts AS "maxTs", clock_offset_ns AS "clockOffsetNs"
       FROM sources ORDER BY id`,
  );
}

export function importErrors(engine: EngineClient, sourceId: number, limit = 200): Promise<{ line: number; reason: string }[]> {
  return engine.query('sources.errors', `SELECT line, reason FROM import_errors WHERE source_id = ? ORDER BY line LIMIT ${limit | 0}`, [sourceId]);
}
