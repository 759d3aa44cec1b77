// CSV (or TSV) with a header row: each row becomes a log event, its columns mapped like JSON log fields.
// Quoted fields may hold the separator and doubled quotes, but not newlines (rows are read line by line).
import type { Importer, ParseContext, RecordParser } from '../types';
import { bag, headLines } from '../common/json';
import { lineParser } from '../common/output';
import { logObjectToEvent } from '../jsonl-log/parse';
import { TIME_KEYS } from '../jsonl-log/keys';

export function splitCsv(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === sep) out.push(cur), (cur = '');
    else cur += c;
  }
  out.push(cur);
  return out;
}

const sepOf = (header: string) => (header.split('\t').length > header.split(',').length ? '\t' : ',');

export function detectCsv(head: string, name: string): number {
  const [header, ...rows] = headLines(head, 10);
  if (!header || header[0] === '{' || header[0] === '[') return 0;
  const sep = sepOf(header);
  const cols = splitCsv(header, sep).map((c) => c.trim().toLowerCase());
  if (cols.length < 2 || !cols.every((c) => /^[\w.@ -]{1,64}$/.test(c))) return 0;
  // Most rows (not all: a damaged row must not hide the whole file) have the header's width.
  const consistent = rows.length === 0 || rows.filter((r) => splitCsv(r, sep).length === cols.length).length / rows.length >= 0.6;
  const timed = cols.some((c) => TIME_KEYS.includes(c));
  return consistent && timed ? (/\.(csv|tsv)$/i.test(name) ? 0.8 : 0.6) : 0;
}

function createParser(_ctx: ParseContext): RecordParser {
  let header: string[] | undefined;
  let sep = ',';
  return lineParser((text, line, out) => {
    if (!header) {
      sep = sepOf(text);
      header = splitCsv(text, sep).map((c) => c.trim().toLowerCase());
      out.merged++; // the header is a record that describes the others
      return;
    }
    const cells = splitCsv(text, sep);
    if (cells.length !== header.length) return out.error(line, `expected ${header.length} columns, found ${cells.length}`);
    const o = bag();
    header.forEach((h, i) => (o[h] = cells[i]));
    const ev = logObjectToEvent(o, line, text);
    if (typeof ev === 'string') out.error(line, ev);
    else out.events.push(ev);
  });
}

export const csv: Importer = {
  id: 'csv',
  label: 'CSV / TSV with a header row',
  version: 1,
  mode: 'lines',
  detect: detectCsv,
  createParser,
};
