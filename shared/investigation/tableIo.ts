// Moves whole tables in and out of the Db as Arrow IPC streams, whatever columns the schema has,
// so a table added by a later migration is saved without touching the investigation file code.
import { Bool, DataType, Float64, Int32, Int64, RecordBatchReader, RecordBatchStreamWriter, Table, Utf8, vectorFromArray, type Data } from 'apache-arrow';
import type { Db } from '../db/db';

export interface ColumnInfo {
  name: string;
  type: string;
}

const ARROW_TYPES: Record<string, () => DataType> = {
  INTEGER: () => new Int32(),
  BIGINT: () => new Int64(),
  VARCHAR: () => new Utf8(),
  DOUBLE: () => new Float64(),
  BOOLEAN: () => new Bool(),
};

/**
 * The investigation's tables (everything but `meta`, whose schema version goes in the manifest). Only the
 * database's own: temporary tables (the search index) are not part of it, and DuckDB reports a temporary
 * table renamed in place as a BASE TABLE, so they are told apart by their catalog.
 */
export async function listTables(db: Db): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    'investigation.tables',
    "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = 'main' AND table_type = 'BASE TABLE' AND table_name <> 'meta' ORDER BY table_name",
  );
  return rows.map((r) => r.table_name);
}

export async function tableColumns(db: Db, table: string): Promise<ColumnInfo[]> {
  const rows = await db.query<{ column_name: string; data_type: string }>(
    'investigation.columns',
    "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
    [table],
  );
  return rows.map((r) => ({ name: r.column_name, type: r.data_type }));
}

const quoteId = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** One piece of a saved table: an Arrow IPC stream of up to SLICE_ROWS rows. */
export interface TableSlice {
  bytes: Uint8Array;
  rows: number;
}

/**
 * Rows per saved slice. A table is saved as several IPC streams so that reopening hands DuckDB one ~10 MB
 * slice at a time, reusing the memory of the last one: a single 184 MB stream for 1M events made the
 * engine grow by its whole size first, and new memory costs ~3 ms per MB here.
 */
export const SLICE_ROWS = 65_536;

/** Serialises a table, in physical row order, as Arrow IPC streams of at most `sliceRows` rows each. */
export async function tableToIpcSlices(db: Db, table: string, sliceRows = SLICE_ROWS): Promise<TableSlice[]> {
  const columns = await tableColumns(db, table);
  for (const c of columns) {
    if (!ARROW_TYPES[c.type]) throw new Error(`Cannot save column ${table}.${c.name} of type ${c.type}`);
  }
  const queryIpc = db.queryIpc?.bind(db);
  if (!queryIpc) return tableToIpcByRows(db, table, columns, sliceRows);
  const select = await dictionarySelect(db, table, columns);
  // Slices by rowid range, each an index range scan; no ORDER BY: DuckDB keeps insertion order on scans
  // (preserve_insertion_order), and sorting a million wide rows would double the save time.
  const parts = await db.query<{ part: bigint | number; rows: bigint | number }>(
    'investigation.slices',
    `SELECT rowid // ${sliceRows} AS part, count(*) AS rows FROM ${quoteId(table)} GROUP BY part ORDER BY part`,
  );
  if (parts.length === 0) return [{ bytes: await queryIpc('investigation.dumpIpc', `SELECT ${select} FROM ${quoteId(table)}`), rows: 0 }];
  const slices: TableSlice[] = [];
  for (const { part, rows } of parts) {
    const from = Number(part) * sliceRows;
    const bytes = await queryIpc('investigation.dumpIpc', `SELECT ${select} FROM ${quoteId(table)} WHERE rowid >= ${from} AND rowid < ${from + sliceRows}`);
    slices.push({ bytes, rows: Number(rows) });
  }
  return slices;
}

/** VARCHAR columns with at most this many distinct values are saved dictionary-encoded. */
const MAX_DICTIONARY = 4096;

/**
 * The select list for saving, with low-cardinality text columns (kind, severity, service…) cast to an
 * ENUM, which DuckDB writes as an Arrow dictionary: at 1M events the events section shrank from 242 to
 * 184 MB and the dump took half the time; reopening reads them back into the same VARCHAR columns.
 */
async function dictionarySelect(db: Db, table: string, columns: ColumnInfo[]): Promise<string> {
  const text = columns.filter((c) => c.type === 'VARCHAR');
  const plain = columns.map((c) => quoteId(c.name));
  if (!text.length) return plain.join(', ');
  const approx = await db.query<Record<string, bigint | number>>(
    'investigation.cardinality',
    `SELECT ${text.map((c, i) => `approx_count_distinct(${quoteId(c.name)}) AS c${i}`).join(', ')} FROM ${quoteId(table)}`,
  );
  const out = [...plain];
  for (const [i, c] of text.entries()) {
    // The estimate only picks candidates; the exact distinct list decides.
    if (Number(approx[0]?.[`c${i}`] ?? Infinity) > MAX_DICTIONARY) continue;
    const values = await db.query<{ v: string }>(
      'investigation.distinct',
      `SELECT DISTINCT ${quoteId(c.name)} AS v FROM ${quoteId(table)} WHERE ${quoteId(c.name)} IS NOT NULL LIMIT ${MAX_DICTIONARY + 1}`,
    );
    if (values.length === 0 || values.length > MAX_DICTIONARY) continue;
    const members = values.map((r) => `'${r.v.replaceAll("'", "''")}'`).join(', ');
    out[columns.indexOf(c)] = `CAST(${quoteId(c.name)} AS ENUM(${members})) AS ${quoteId(c.name)}`;
  }
  return out.join(', ');
}

/** Fallback for engines without queryIpc: rows in rowid-range slices, rebuilt as Arrow columns. */
async function tableToIpcByRows(db: Db, table: string, columns: ColumnInfo[], sliceRows: number): Promise<TableSlice[]> {
  const select = columns.map((c) => quoteId(c.name)).join(', ');
  const [{ n }] = await db.query<{ n: bigint | number | null }>('investigation.maxRowid', `SELECT max(rowid) AS n FROM ${quoteId(table)}`);
  const maxRowid = n === null ? -1 : Number(n);
  const slices: TableSlice[] = [];
  // rowid ranges instead of OFFSET: each slice is an index range scan, not a re-scan from the start.
  for (let from = 0; from <= maxRowid || slices.length === 0; from += sliceRows) {
    const batch = maxRowid < 0
      ? []
      : await db.query('investigation.dump', `SELECT ${select} FROM ${quoteId(table)} WHERE rowid >= ${from} AND rowid < ${from + sliceRows} ORDER BY rowid`);
    if (batch.length === 0 && slices.length > 0) continue;
    const writer = new RecordBatchStreamWriter();
    const vectors = Object.fromEntries(columns.map((c) => [c.name, vectorFromArray(batch.map((r) => r[c.name]) as never[], ARROW_TYPES[c.type]())]));
    for (const rb of new Table(vectors).batches) writer.write(rb);
    writer.finish();
    slices.push({ bytes: writer.toUint8Array(true), rows: batch.length });
  }
  return slices;
}

/**
 * Appends an Arrow IPC stream written by tableToIpcSlices to the same table in another Db, once its layout has been
 * checked: DuckDB trusts an IPC stream's offsets and indices, so one flipped byte in a damaged file could make
 * it read (and copy) outside the stream, corrupting the whole database.
 */
export async function ipcToTable(db: Db, table: string, bytes: Uint8Array): Promise<void> {
  checkIpcLayout(bytes, table);
  await db.insertArrow(table, bytes);
}

/** Throws when a column's offsets, dictionary indices or buffers point outside the stream. */
export function checkIpcLayout(bytes: Uint8Array, table: string): void {
  let batches;
  try {
    batches = [...RecordBatchReader.from(bytes)];
  } catch (e) {
    throw new Error(`table ${table}: unreadable Arrow stream (${(e as Error).message})`);
  }
  for (const batch of batches) {
    batch.schema.fields.forEach((field, i) => {
      for (const data of batch.getChildAt(i)?.data ?? []) {
        const problem = layoutProblem(data);
        if (problem) throw new Error(`table ${table}, column ${field.name}: ${problem}`);
      }
    });
  }
}

function layoutProblem(d: Data): string | undefined {
  const end = d.offset + d.length;
  if (d.nullCount > 0 && (!d.nullBitmap || d.nullBitmap.length * 8 < end)) return 'validity bitmap too short';
  if (DataType.isUtf8(d.type) || DataType.isBinary(d.type)) {
    const offsets = d.valueOffsets as Int32Array | undefined;
    if (!offsets || offsets.length < end + 1) return 'offsets too short';
    const size = d.values?.length ?? 0;
    let prev = offsets[d.offset];
    if (prev < 0) return 'negative offset';
    for (let i = d.offset + 1; i <= end; i++) {
      const o = offsets[i];
      if (o < prev) return `offset ${o} at row ${i - 1} goes backwards`;
      if (o > size) return `offset ${o} at row ${i - 1} outside the ${size} bytes of text`;
      prev = o;
    }
  } else if (DataType.isDictionary(d.type)) {
    const dict = d.dictionary;
    const indices = d.values as ArrayLike<number> | undefined;
    if (!dict || !indices || indices.length < end) return 'dictionary indices too short';
    // The validity bit is read only for an index out of range (a null slot may hold anything): ~10× faster.
    const size = dict.length, valid = d.nullCount > 0 ? d.nullBitmap : undefined;
    for (let i = d.offset; i < end; i++) {
      const index = indices[i];
      if ((index < 0 || index >= size) && !(valid && ((valid[i >> 3] >> (i & 7)) & 1) === 0)) return `dictionary index ${index} at row ${i} out of range`;
    }
    for (const part of dict.data) {
      const problem = layoutProblem(part);
      if (problem) return `dictionary: ${problem}`;
    }
  } else if (DataType.isBool(d.type)) {
    if ((d.values?.length ?? 0) * 8 < end) return 'values too short';
  } else {
    const values: unknown = d.values;
    if (ArrayBuffer.isView(values) && 'length' in values && Number(values.length) < end) return 'values too short';
  }
  return undefined;
}
