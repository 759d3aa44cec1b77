// Writes the whole investigation (tables, analysis, views, queries) into one sealed `.driftline` byte array.
import type { AnalysisV1 } from '../analysis/types';
import type { Db } from '../db/db';
import { SCHEMA_VERSION } from '../db/schema';
import { alignedManifest, encodeContainer, sectionOffsets } from './container';
import {
  CONTAINER_VERSION, HASH_PLACEHOLDER, INVESTIGATION_FORMAT, JSON_SECTIONS, tableSectionName,
  type InvestigationManifest, type ManifestSection, type ManifestSource,
} from './manifest';
import { sha256Hex } from './sha256';
import { listTables, tableToIpcSlices } from './tableIo';

export interface SaveExtras {
  appVersion: string;
  /** When the investigation was first saved; defaults to savedAt. Times are passed in, never read here. */
  createdAt?: string;
  savedAt: string;
  analysis?: AnalysisV1 | null;
  /** Saved views and queries, opaque to the file: the renderer owns their shape. */
  views?: unknown[];
  queries?: unknown[];
}

interface PendingSection {
  meta: Omit<ManifestSection, 'offset' | 'length' | 'sha256'>;
  bytes: Uint8Array;
}

export async function saveInvestigation(db: Db, extras: SaveExtras): Promise<Uint8Array> {
  const pending: PendingSection[] = [];
  for (const table of await listTables(db)) {
    for (const [part, { bytes, rows }] of (await tableToIpcSlices(db, table)).entries()) {
      pending.push({ meta: { name: tableSectionName(table, part), kind: 'table', table, rows }, bytes });
    }
  }
  const json = (name: string, value: unknown) => pending.push({ meta: { name, kind: 'json' }, bytes: new TextEncoder().encode(JSON.stringify(value)) });
  if (extras.analysis) json(JSON_SECTIONS.analysis, extras.analysis);
  json(JSON_SECTIONS.views, extras.views ?? []);
  json(JSON_SECTIONS.queries, extras.queries ?? []);

  const offsets = sectionOffsets(pending.map((p) => p.bytes.length));
  const sections: ManifestSection[] = [];
  for (const [i, p] of pending.entries()) {
    sections.push({ ...p.meta, offset: offsets[i], length: p.bytes.length, sha256: await sha256Hex(p.bytes) });
  }
  const manifest: InvestigationManifest = {
    format: INVESTIGATION_FORMAT,
    container_version: CONTAINER_VERSION,
    app_version: extras.appVersion,
    schema_version: await schemaVersionOf(db),
    created_at: extras.createdAt ?? extras.savedAt,
    saved_at: extras.savedAt,
    sources: await manifestSources(db),
    sections,
    sha256: HASH_PLACEHOLDER,
  };
  // The seal and its placeholder are the same length, so both pad alike and blankSeal(sealed) is `blank`.
  const blank = alignedManifest(JSON.stringify(manifest));
  manifest.sha256 = await sha256Hex(blank);
  const sealed = alignedManifest(JSON.stringify(manifest));
  return encodeContainer(sealed, pending.map((p, i) => ({ offset: offsets[i], bytes: p.bytes })));
}

/** The version the tables are actually at: a database not yet migrated is saved as what it is. */
async function schemaVersionOf(db: Db): Promise<number> {
  const rows = await db.query<{ value: string }>('investigation.schemaVersion', "SELECT value FROM meta WHERE key = 'schema_version'");
  return rows.length ? Number(rows[0].value) : SCHEMA_VERSION;
}

async function manifestSources(db: Db): Promise<ManifestSource[]> {
  const rows = await db.query<{ id: number; path: string; size: bigint | null; sha256: string; format: string; clock_offset_ns: bigint | null }>(
    'investigation.sources',
    'SELECT id, path, size, sha256, format, clock_offset_ns FROM sources ORDER BY id',
  );
  return rows.map((r) => ({
    id: Number(r.id), path: r.path, size: Number(r.size ?? 0), sha256: r.sha256 ?? '', format: r.format ?? '',
    clock_offset_ns: String(r.clock_offset_ns ?? 0n),
  }));
}
