// Reads a `.driftline` file (its bytes, or piece by piece from disk) back into a Db: checks the seal and every section, refuses a newer
// schema, loads the tables at the file's schema version and migrates them to this Driftline's.
import type { AnalysisV1 } from '../analysis/types';
import type { Db } from '../db/db';
import { migrate, SCHEMA_VERSION } from '../db/schema';
import { blankSeal, bytesSource, InvestigationFormatError, readContainer, type ContainerReader, type ContainerSource } from './container';
import { INVESTIGATION_FORMAT, JSON_SECTIONS, type InvestigationManifest, type ManifestSection } from './manifest';
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

/** A `.driftline` file's bytes, or a source to read it from piece by piece (a file on disk). */
export type InvestigationInput = Uint8Array | ContainerSource;

const readerFor = (file: InvestigationInput) => readContainer(file instanceof Uint8Array ? bytesSource(file) : file);

/** Checks the seal and each section's hash without loading anything. */
export async function verifyInvestigation(file: InvestigationInput): Promise<IntegrityReport> {
  const reader = await readerFor(file);
  return { manifest: reader.manifest, altered: [...(await checkSeal(reader)), ...(await alteredSections(reader))] };
}

async function checkSeal(reader: ContainerReader): Promise<string[]> {
  return (await sha256Hex(blankSeal(reader.manifestBytes))) === reader.manifest.sha256 ? [] : ['manifest'];
}

async function alteredSections(reader: ContainerReader): Promise<string[]> {
  const altered: string[] = [];
  for await (const [s, bytes] of eachSection(reader)) {
    if ((await sha256Hex(bytes)) !== s.sha256) altered.push(s.name);
  }
  return altered;
}

/**
 * Every section in file order, each read while the one before it is in use. Two buffers: a section's
 * buffer is reused for the one after next, so reading a file takes no more memory than its largest section.
 */
async function* eachSection(reader: ContainerReader): AsyncGenerator<[ManifestSection, Uint8Array]> {
  const sections = reader.manifest.sections;
  const size = Math.max(0, ...sections.map((s) => s.length));
  const buffers = [new Uint8Array(size), new Uint8Array(size)];
  let next = sections.length ? reader.read(sections[0], buffers[0]) : undefined;
  for (const [i, s] of sections.entries()) {
    const bytes = await next!;
    next = i + 1 < sections.length ? reader.read(sections[i + 1], buffers[(i + 1) % 2]) : undefined;
    next?.catch(() => undefined); // surfaced when awaited
    yield [s, bytes];
  }
}

/**
 * Replaces whatever investigation `db` holds with the one in `file`. An altered file is refused
 * (InvestigationTamperedError names the sections) unless `allowAltered`, for looking at it anyway.
 */
export async function openInvestigation(db: Db, file: InvestigationInput, opts: { allowAltered?: boolean } = {}): Promise<OpenedInvestigation> {
  const reader = await readerFor(file);
  const { manifest } = reader;
  if (manifest.format !== INVESTIGATION_FORMAT) throw new InvestigationFormatError(`Not a Driftline investigation (format ${String(manifest.format)}).`);
  if (manifest.schema_version > SCHEMA_VERSION) {
    throw new InvestigationFormatError(`This investigation was saved by Driftline ${manifest.app_version} with schema version ${manifest.schema_version}, newer than this Driftline supports (${SCHEMA_VERSION}). Update Driftline to open it.`);
  }
  const seal = await checkSeal(reader);
  if (seal.length && !opts.allowAltered) throw new InvestigationTamperedError(seal);
  // A database that already holds an investigation is only touched once the whole file checks out. Into a
  // fresh one, each section is checked as it loads (reopening 1M events must stay under 5 s), and an altered
  // file is still refused, its tables dropped, before anything returns.
  if ((await listTables(db)).length > 0) {
    const altered = await alteredSections(reader);
    if (altered.length && !opts.allowAltered) throw new InvestigationTamperedError(altered);
  }
  const altered = [...seal, ...(await loadTables(db, reader, opts.allowAltered ?? false))];
  const json = async <T>(name: string, fallback: T): Promise<T> => {
    const section = manifest.sections.find((s) => s.name === name);
    return section ? (JSON.parse(new TextDecoder().decode(await reader.read(section))) as T) : fallback;
  };
  return {
    manifest,
    analysis: await json<AnalysisV1 | null>(JSON_SECTIONS.analysis, null),
    views: await json<unknown[]>(JSON_SECTIONS.views, []),
    queries: await json<unknown[]>(JSON_SECTIONS.queries, []),
    migratedFrom: manifest.schema_version,
    altered,
  };
}

/** DuckDB memory per byte of a table section while it loads (rows, plus the section being inserted). */
const TABLE_RESERVE_FACTOR = 1.5;

async function dropAll(db: Db): Promise<void> {
  for (const t of await listTables(db)) await db.exec('investigation.drop', `DROP TABLE "${t}"`);
  await db.exec('investigation.dropMeta', 'DROP TABLE IF EXISTS meta');
}

/**
 * Creates the tables at the file's schema version, fills them section by section while checking each
 * section's hash, then migrates to the current version. Returns the altered sections (only when
 * `allowAltered`: otherwise an altered file throws, with every table dropped).
 */
async function loadTables(db: Db, reader: ContainerReader, allowAltered: boolean): Promise<string[]> {
  const { manifest } = reader;
  await dropAll(db);
  await migrate(db, manifest.schema_version);
  const known = new Set(await listTables(db));
  for (const s of manifest.sections) {
    if (s.kind === 'table' && s.table && !known.has(s.table)) {
      throw new InvestigationFormatError(`The investigation file holds a table ${s.table} that schema version ${manifest.schema_version} does not define.`);
    }
  }
  // Room for every table in one step (see Db.reserve); DuckDB keeps about what Arrow carries.
  db.reserve?.(manifest.sections.reduce((n, s) => n + (s.kind === 'table' ? s.length : 0), 0) * TABLE_RESERVE_FACTOR);
  const altered: string[] = [];
  let failure: unknown;
  for await (const [s, bytes] of eachSection(reader)) {
    // Hashed before it loads: the hash copies what it needs (or is done) before the buffer is reused.
    const hash = sha256Hex(bytes);
    if (s.kind === 'table' && s.table && s.rows !== 0 && failure === undefined && (altered.length === 0 || allowAltered)) {
      // An altered byte can make a section unreadable (e.g. a dictionary index out of range), not only wrong.
      await ipcToTable(db, s.table, bytes).catch((e: unknown) => { failure = e; });
    }
    if ((await hash) !== s.sha256) altered.push(s.name);
  }
  if (altered.length && !allowAltered) {
    await dropAll(db);
    throw new InvestigationTamperedError(altered);
  }
  if (failure !== undefined) {
    await dropAll(db);
    throw failure;
  }
  await migrate(db);
  return altered;
}
