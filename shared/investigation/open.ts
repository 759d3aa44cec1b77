// Reads a `.driftline` byte array back into a Db: checks the seal and every section, refuses a newer
// schema, loads the tables at the file's schema version and migrates them to this Driftline's.
import type { AnalysisV1 } from '../analysis/types';
import type { Db } from '../db/db';
import { migrate, SCHEMA_VERSION } from '../db/schema';
import { blankSeal, decodeContainer, InvestigationFormatError, type DecodedContainer } from './container';
import { INVESTIGATION_FORMAT, JSON_SECTIONS, type InvestigationManifest } from './manifest';
import { sha256Hex } from './sha256';
import { ipcToTable, listTables } from './tableIo';

export class InvestigationTamperedError extends Error {
  override name = 'InvestigationTamperedError';
  constructor(readonly altered: string[]) {
    super(`The investigation file was altered after it was saved: ${altered.join(', ')} no longer match${altered.length === 1 ? 'es' : ''} the recorded sha256.`);
  }
}

export interface OpenedInvestigation {
  manifest: InvestigationManifest;
  analysis: AnalysisV1 | null;
  views: unknown[];
  queries: unknown[];
  /** Schema version the file was written with (lower than the current one when it was migrated). */
  migratedFrom: number;
  /** Sections (or 'manifest') whose hash did not match; empty unless opened with allowAltered. */
  altered: string[];
}

export interface IntegrityReport {
  manifest: InvestigationManifest;
  /** 'manifest' when the seal is broken, and the name of each section whose bytes changed. */
  altered: string[];
}

/** Checks the seal and each section's hash without loading anything. */
export async function verifyInvestigation(bytes: Uint8Array): Promise<IntegrityReport> {
  const file = decodeContainer(bytes);
  return { manifest: file.manifest, altered: [...(await checkSeal(file)), ...(await alteredSections(file))] };
}

async function checkSeal(file: DecodedContainer): Promise<string[]> {
  return (await sha256Hex(blankSeal(file.manifestBytes))) === file.manifest.sha256 ? [] : ['manifest'];
}

/** Hashes every section at once: WebCrypto digests run off the main thread, alongside the table loads. */
async function alteredSections(file: DecodedContainer): Promise<string[]> {
  const sections = file.manifest.sections;
  const hashes = await Promise.all(sections.map((s) => sha256Hex(file.section(s.name))));
  return sections.filter((s, i) => hashes[i] !== s.sha256).map((s) => s.name);
}

/**
 * Replaces whatever investigation `db` holds with the one in `bytes`. An altered file is refused
 * (InvestigationTamperedError names the sections) unless `allowAltered`, for looking at it anyway.
 */
export async function openInvestigation(db: Db, bytes: Uint8Array, opts: { allowAltered?: boolean } = {}): Promise<OpenedInvestigation> {
  const file = decodeContainer(bytes);
  const { manifest } = file;
  if (manifest.format !== INVESTIGATION_FORMAT) throw new InvestigationFormatError(`Not a Driftline investigation (format ${String(manifest.format)}).`);
  if (manifest.schema_version > SCHEMA_VERSION) {
    throw new InvestigationFormatError(`This investigation was saved by Driftline ${manifest.app_version} with schema version ${manifest.schema_version}, newer than this Driftline supports (${SCHEMA_VERSION}). Update Driftline to open it.`);
  }
  const seal = await checkSeal(file);
  if (seal.length && !opts.allowAltered) throw new InvestigationTamperedError(seal);
  // Into a fresh database, section hashes are checked while the tables load (reopening 1M events must
  // stay under 5 s); an altered file is still refused, and its tables dropped, before anything returns.
  // A database that already holds an investigation is only touched once the whole file checks out.
  const sectionCheck = alteredSections(file);
  if ((await listTables(db)).length > 0) {
    const altered = await sectionCheck;
    if (altered.length && !opts.allowAltered) throw new InvestigationTamperedError(altered);
  }
  try {
    await loadTables(db, file);
  } catch (e) {
    const altered = await sectionCheck;
    if (altered.length && !opts.allowAltered) {
      // An altered byte can make a section unreadable (e.g. a dictionary index out of range), not only wrong.
      await dropAll(db);
      throw new InvestigationTamperedError(altered);
    }
    throw e;
  }
  const altered = [...seal, ...(await sectionCheck)];
  if (altered.length && !opts.allowAltered) {
    await dropAll(db);
    throw new InvestigationTamperedError(altered);
  }
  const json = <T>(name: string, fallback: T): T => {
    if (!manifest.sections.some((s) => s.name === name)) return fallback;
    return JSON.parse(new TextDecoder().decode(file.section(name))) as T;
  };
  return {
    manifest,
    analysis: json<AnalysisV1 | null>(JSON_SECTIONS.analysis, null),
    views: json<unknown[]>(JSON_SECTIONS.views, []),
    queries: json<unknown[]>(JSON_SECTIONS.queries, []),
    migratedFrom: manifest.schema_version,
    altered,
  };
}

async function dropAll(db: Db): Promise<void> {
  for (const t of await listTables(db)) await db.exec('investigation.drop', `DROP TABLE "${t}"`);
  await db.exec('investigation.dropMeta', 'DROP TABLE IF EXISTS meta');
}

/** Creates the tables at the file's schema version, fills them, then migrates to the current one. */
async function loadTables(db: Db, file: DecodedContainer): Promise<void> {
  const { manifest } = file;
  await dropAll(db);
  await migrate(db, manifest.schema_version);
  const known = new Set(await listTables(db));
  for (const s of manifest.sections) {
    if (s.kind !== 'table' || !s.table) continue;
    if (!known.has(s.table)) throw new InvestigationFormatError(`The investigation file holds a table ${s.table} that schema version ${manifest.schema_version} does not define.`);
    if (s.rows === 0) continue;
    await ipcToTable(db, s.table, file.section(s.name));
  }
  await migrate(db);
}
