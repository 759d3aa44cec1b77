// CSV (or TSV) with a header row: each record becomes a log event, its columns mapped like JSON log fields.
// A quoted cell may hold the separator, doubled quotes and newlines: such a record spans lines and is one event
// placed at its first line. A quote that never closes costs that record, located, and the lines after it are
// read again on their own, so one stray quote cannot swallow the rest of the file.
import type { Importer, ParseContext, RecordParser } from '../types';
import { bag, headLines } from '../common/json';
import { OutputBuffer } from '../common/output';
import { logObjectToEvent } from '../jsonl-log/parse';
import { TIME_KEYS } from '../jsonl-log/keys';
import { RECORD_START, headRecords, scanLine, splitCsv, type QuoteState } from './split';

export { splitCsv } from './split';

/** How far a quoted cell may run before it is taken for a stray quote (bounds memory too). */
export const MAX_RECORD_LINES = 10_000;
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

const sepOf = (header: string) => (header.split('\t').length > header.split(',').length ? '\t' : ',');

export function detectCsv(head: string, name: string): number {
  const first = headLines(head, 1)[0];
  if (!first || first[0] === '{' || first[0] === '[') return 0;
  const sep = sepOf(first);
  const [header, ...rows] = headRecords(head, sep, 10);
  if (!header) return 0;
  const cols = splitCsv(header, sep).map((c) => c.trim().toLowerCase());
  if (cols.length < 2 || !cols.every((c) => /^[\w.@ -]{1,64}$/.test(c))) return 0;
  // Most rows (not all: a damaged row must not hide the whole file) have the header's width.
  const consistent = rows.length === 0 || rows.filter((r) => splitCsv(r, sep).length === cols.length).length / rows.length >= 0.6;
  const timed = cols.some((c) => TIME_KEYS.includes(c));
  return consistent && timed ? (/\.(csv|tsv)$/i.test(name) ? 0.8 : 0.6) : 0;
}

interface Pending {
  lines: { text: string; line: number }[];
  chars: number;
  state: QuoteState;
}

function createParser(_ctx: ParseContext): RecordParser {
  const out = new OutputBuffer();
  let header: string[] | undefined;
  let sep = ',';
  let pending: Pending | undefined;

  const record = (text: string, line: number) => {
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
  };

  // Lines the splitter skipped as blank lie inside the quoted cell: each gap is one more newline.
  const joined = (p: Pending) => p.lines.map((l, i) => (i ? '\n'.repeat(l.line - p.lines[i - 1].line) : '') + l.text).join('');

  const push = (text: string, line: number) => {
    const p: Pending = pending ?? { lines: [], chars: 0, state: RECORD_START };
    p.lines.push({ text, line });
    p.chars += text.length;
    p.state = scanLine(text, header ? sep : sepOf(text), p.state);
    if (!p.state.quoted) {
      pending = undefined;
      return record(p.lines.length === 1 ? text : joined(p), p.lines[0].line);
    }
    pending = p;
    if (p.lines.length > MAX_RECORD_LINES || p.chars > MAX_RECORD_CHARS) abandon(`is still open ${p.lines.length} lines later`);
  };

  /** The open record is a located error; the lines after its first are read again as records of their own. */
  const abandon = (why: string) => {
    const p = pending!;
    pending = undefined;
    out.error(p.lines[0].line, `a quoted cell opened on line ${p.lines[0].line} ${why}; its lines after the first are read as records of their own`);
    for (const l of p.lines.slice(1)) push(l.text, l.line);
  };

  return {
    push,
    drain: () => out.take(),
    finish: () => {
      while (pending) abandon('is never closed (the file ends inside it)');
      return out.take();
    },
  };
}

export const csv: Importer = {
  id: 'csv',
  label: 'CSV / TSV with a header row',
  version: 2,
  mode: 'lines',
  detect: detectCsv,
  createParser,
};
