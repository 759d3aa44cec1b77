// Arrow tables to plain row objects, the shape Db.query promises on every engine.
import type { Table } from 'apache-arrow';
import type { Row } from './db';

export function tableToRows(table: Table): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((_, i) => table.getChildAt(i));
  const rows: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = normalise(columns[c]?.get(r));
    rows[r] = row;
  }
  return rows;
}

function normalise(v: unknown): unknown {
  // DECIMAL / HUGEINT arrive as typed arrays or objects; plain values pass through.
  if (v === undefined) return null;
  return v;
}
