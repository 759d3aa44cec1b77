// The investigation schema as numbered migrations; an investigation records the version it was written with.
import type { Db } from './db';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'events, sources, import errors, raw records',
    sql: `
      CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
      CREATE TABLE sources (
        id INTEGER PRIMARY KEY, path VARCHAR, size BIGINT, sha256 VARCHAR, format VARCHAR,
        confidence DOUBLE, parser_version INTEGER, events INTEGER, merged INTEGER, errors INTEGER,
        min_ts BIGINT, max_ts BIGINT, clock_offset_ns BIGINT DEFAULT 0);
      CREATE TABLE events (
        id INTEGER, source_id INTEGER, source_line INTEGER, source_pointer VARCHAR,
        ts BIGINT, end_ts BIGINT, kind VARCHAR, actor VARCHAR, actor_type VARCHAR, service VARCHAR,
        resource VARCHAR, action VARCHAR, severity VARCHAR, message VARCHAR,
        trace_id VARCHAR, span_id VARCHAR, parent_span_id VARCHAR, call_id VARCHAR, attributes VARCHAR);
      CREATE TABLE raw_records (event_id INTEGER, raw VARCHAR);
      CREATE TABLE import_errors (source_id INTEGER, line INTEGER, reason VARCHAR);
    `,
  },
  {
    version: 2,
    description: 'append-only annotation history',
    // Never updated or deleted: the current state of an annotation is its highest version, so no
    // edit can lose an earlier one (issue 6: "none of this may ever lose an annotation").
    sql: `
      CREATE TABLE annotation_versions (
        id VARCHAR NOT NULL, kind VARCHAR NOT NULL, target_type VARCHAR NOT NULL, target_id VARCHAR NOT NULL,
        version INTEGER NOT NULL, author VARCHAR NOT NULL, "at" VARCHAR NOT NULL, -- quoted: AT is a DuckDB keyword
        body_md VARCHAR NOT NULL DEFAULT '', tags VARCHAR NOT NULL DEFAULT '[]',
        link_status VARCHAR, reason VARCHAR NOT NULL DEFAULT '', role VARCHAR, value VARCHAR NOT NULL DEFAULT '',
        deleted BOOLEAN NOT NULL DEFAULT false,
        PRIMARY KEY (id, version));
    `,
  },
  {
    version: 3,
    description: 'per-source derived event count and automatic anchoring',
    // derived: events made beyond one per record, so records = events − derived + merged + errors holds for
    // every format. anchoring: how an untimed transcript was placed by the analysis (JSON, see analysis/anchoring).
    sql: `
      ALTER TABLE sources ADD COLUMN derived INTEGER DEFAULT 0;
      ALTER TABLE sources ADD COLUMN anchoring VARCHAR;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Brings a database to the current schema (or to `target`, used when loading an older investigation
 * file before migrating it); refuses one written by a newer Driftline.
 */
export async function migrate(db: Db, target: number = SCHEMA_VERSION): Promise<number> {
  const hasMeta = await db.query<{ n: bigint | number }>(
    'schema.hasMeta',
    "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'meta'",
  );
  let current = 0;
  if (Number(hasMeta[0]?.n ?? 0) > 0) {
    const rows = await db.query<{ value: string }>('schema.version', "SELECT value FROM meta WHERE key = 'schema_version'");
    current = rows.length ? Number(rows[0].value) : 0;
  }
  if (current > SCHEMA_VERSION) {
    throw new Error(`This investigation uses schema version ${current}, newer than this Driftline (${SCHEMA_VERSION}). Update Driftline to open it.`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    await db.exec(`schema.migrate.${m.version}`, m.sql);
    await db.exec(
      'schema.setVersion',
      `INSERT OR REPLACE INTO meta VALUES ('schema_version', '${m.version}')`,
    );
    current = m.version;
  }
  return current;
}
