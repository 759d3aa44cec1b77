// CSV cell and record splitting (RFC 4180 quoting): a quote opens only at the start of a cell, `""` inside
// quotes is one quote, and a quoted cell may hold the separator and newlines.

export function splitCsv(record: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i];
    if (quoted) {
      if (c === '"' && record[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === sep) out.push(cur), (cur = '');
    else cur += c;
  }
  out.push(cur);
  return out;
}

/** Where a scan of one physical line leaves the record: inside a quoted cell or not, and whether the cell is still empty. */
export interface QuoteState {
  quoted: boolean;
  cellEmpty: boolean;
}

export const RECORD_START: QuoteState = { quoted: false, cellEmpty: true };

/** Continues `state` over one line (without its newline); a newline inside quotes keeps the cell open. */
export function scanLine(line: string, sep: string, state: QuoteState): QuoteState {
  let { quoted, cellEmpty } = state;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (quoted) {
      if (c === 34 /* " */) {
        if (line.charCodeAt(i + 1) === 34) i++;
        else quoted = false;
      }
    } else if (c === 34 && cellEmpty) (quoted = true), (cellEmpty = false);
    else if (line[i] === sep) cellEmpty = true;
    else cellEmpty = false;
  }
  return { quoted, cellEmpty: quoted ? false : cellEmpty };
}

/** The first complete, non-blank records of a detection head (its last line may be cut at 64 KiB, so it is left out). */
export function headRecords(text: string, sep: string, max: number): string[] {
  const out: string[] = [];
  let state = RECORD_START;
  let cur: string[] = [];
  const lines = text.split('\n');
  if (lines.length > 1) lines.pop();
  for (const line of lines) {
    const l = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (!cur.length && !l.trim()) continue;
    cur.push(l);
    state = scanLine(l, sep, state);
    if (state.quoted) continue;
    out.push(cur.join('\n'));
    cur = [];
    state = RECORD_START;
    if (out.length >= max) break;
  }
  return out;
}
