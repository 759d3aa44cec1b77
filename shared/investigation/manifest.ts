// The manifest of a `.driftline` file: what it holds and the hashes that show whether it was altered.

export const INVESTIGATION_FORMAT = 'driftline.investigation';
/** Version of the container layout (header + manifest + sections), separate from the schema version. */
export const CONTAINER_VERSION = 1;

export interface ManifestSource {
  id: number;
  path: string;
  size: number;
  sha256: string;
  format: string;
  /** Nanoseconds as a decimal string: JSON has no 64-bit integers. */
  clock_offset_ns: string;
}

export interface ManifestSection {
  name: string;
  kind: 'table' | 'json';
  /** For table sections: the table the Arrow IPC stream belongs to, and the rows in this section. */
  table?: string;
  rows?: number;
  /** Byte offset from the start of the section area, and byte length. */
  offset: number;
  length: number;
  sha256: string;
}

export interface InvestigationManifest {
  format: typeof INVESTIGATION_FORMAT;
  container_version: number;
  app_version: string;
  schema_version: number;
  created_at: string;
  saved_at: string;
  sources: ManifestSource[];
  sections: ManifestSection[];
  /**
   * SHA-256 of this manifest with this field set to 64 zeros. The manifest holds every section's
   * hash, so this one value seals the whole file: record it elsewhere (a ticket, a filing) and any
   * later change to the file, by anyone, shows. Always the last key, so it can be blanked in place.
   */
  sha256: string;
}

export const HASH_PLACEHOLDER = '0'.repeat(64);

/** JSON sections every file carries, besides the table sections. */
export const JSON_SECTIONS = { analysis: 'analysis.json', views: 'views.json', queries: 'queries.json' } as const;
/**
 * A table is saved as one or more sections (slices of its rows, in order): `table:events`, then
 * `table:events/2`, `table:events/3`… A reader appends every section of a table to it, in manifest order.
 */
export const tableSectionName = (table: string, part = 0) => (part === 0 ? `table:${table}` : `table:${table}/${part + 1}`);
