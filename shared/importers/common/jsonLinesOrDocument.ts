// Formats exported both as JSON lines and as one JSON document (an array, or a pretty-printed object):
// the file is read line by line either way, and its first lines say which it is. JSON lines are handled
// as they arrive, so a 2 GB export is never held whole; only a document is gathered and parsed at the end.
import type { RecordParser } from '../types';
import { parseJsonObject, shortReason, type JsonObject } from './json';
import { OutputBuffer } from './output';
import { lineOfError } from './document';

/** A document is one string: V8 refuses strings longer than about 2^29 characters. */
export const MAX_DOCUMENT_CHARS = 0x1fff_0000;

export interface JsonLinesOrDocument {
  /** What the file holds, for messages: "Cloud Audit Logs export". */
  label: string;
  /** One JSON-lines record that parsed as an object (lines that do not become located errors here). */
  line(o: JsonObject, text: string, line: number, out: OutputBuffer): void;
  /** The whole document, parsed; `text` keeps the file's line numbers (line 1 of the text is line 1 of the file). */
  document(doc: unknown, text: string, out: OutputBuffer): void;
}

type Mode = 'undecided' | 'pending' | 'lines' | 'document' | 'refused';

/**
 * A `[` or a lone `{` opens a document; a first line that parses as an object starts JSON lines. A first
 * line that is neither (`{ "entries": [`, or a damaged record) is settled by the next: a whole object after
 * it means JSON lines with a damaged first record. A document guessed that way which then does not parse is
 * read as JSON lines after all, so no good line is lost to a wrong guess.
 */
export function jsonLinesOrDocumentParser(f: JsonLinesOrDocument): RecordParser {
  const out = new OutputBuffer();
  let mode: Mode = 'undecided';
  /** Whether the opener was unmistakably a document (`[`, `{`, a line ending in `[` or `{`). */
  let definite = false;
  let held: { text: string; line: number }[] = [];
  let chars = 0;
  let firstLine = 1;

  const asLine = (text: string, line: number, parsed?: JsonObject | string) => {
    const o = parsed ?? parseJsonObject(text);
    if (typeof o === 'string') out.error(line, o);
    else f.line(o, text, line, out);
  };
  const toLines = () => {
    mode = 'lines';
    const lines = held;
    held = [];
    chars = 0;
    for (const l of lines) asLine(l.text, l.line);
  };
  const hold = (text: string, line: number) => {
    held.push({ text, line });
    chars += text.length + 1;
    if (chars <= MAX_DOCUMENT_CHARS) return;
    if (!definite) return toLines(); // that long, it was JSON lines after all
    mode = 'refused';
    held = [];
    out.error(firstLine, `this ${f.label} is one JSON document over ${Math.floor(MAX_DOCUMENT_CHARS / 1024 / 1024)} MiB, too large to read whole; export it as JSON lines instead`);
  };

  const push = (text: string, line: number) => {
    switch (mode) {
      case 'lines':
        return asLine(text, line);
      case 'document':
        return hold(text, line);
      case 'refused':
        return;
      case 'pending': {
        const o = parseJsonObject(text);
        if (typeof o !== 'string') {
          toLines();
          return asLine(text, line, o);
        }
        mode = 'document';
        return hold(text, line);
      }
      case 'undecided': {
        firstLine = line;
        const t = text.trim();
        if (t[0] === '[' || t === '{') {
          mode = 'document';
          definite = true;
          return hold(text, line);
        }
        if (t[0] !== '{') {
          mode = 'lines';
          return asLine(text, line);
        }
        const o = parseJsonObject(text);
        if (typeof o !== 'string') {
          mode = 'lines';
          return asLine(text, line, o);
        }
        definite = /[[{]$/.test(t);
        mode = definite ? 'document' : 'pending';
        return hold(text, line);
      }
    }
  };

  const finish = () => {
    if (mode === 'pending') toLines();
    if (mode === 'document') {
      // Blank lines were skipped by the splitter: put them back, so positions in the text are lines of the file.
      const parts: string[] = [];
      let prev = 1;
      for (const l of held) {
        parts.push('\n'.repeat(l.line - prev), l.text);
        prev = l.line;
      }
      const text = parts.join('');
      let doc: unknown;
      let failure: unknown;
      try {
        doc = JSON.parse(text);
      } catch (e) {
        failure = e;
      }
      if (failure === undefined) {
        held = [];
        f.document(doc, text, out);
      } else if (definite) {
        held = [];
        out.error(lineOfError(text, failure), `invalid JSON document: ${shortReason(failure)}`);
      } else toLines();
    }
    return out.take();
  };

  return { push: (text, line) => push(text, line), drain: () => out.take(), finish };
}
