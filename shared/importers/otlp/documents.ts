// An OTLP/JSON file is one document, or JSON lines each holding one (the collector's file exporter).
import { isObject, shortReason, type JsonObject } from '../common/json';
import type { OutputBuffer } from '../common/output';
import { lineOfError } from '../common/document';

export interface OtlpDocument {
  doc: JsonObject;
  /** 1-based line where the document starts. */
  line: number;
  /** The document's text, to locate records inside it; empty for one-line documents. */
  text: string;
}

export function splitDocuments(text: string, out: OutputBuffer): OtlpDocument[] {
  const whole = tryParse(text);
  if (whole.ok) {
    if (isObject(whole.value)) return [{ doc: whole.value, line: 1, text: text.includes('\n') ? text : '' }];
    out.error(1, 'expected a JSON object at the top of the document');
    return [];
  }
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  // A multi-line document that does not parse as a whole: one located error, not one per line.
  if (first >= 0 && !tryParse(lines[first]).ok) {
    out.error(lineOfError(text, whole.error), `invalid JSON document: ${shortReason(whole.error)}`);
    return [];
  }
  const docs: OtlpDocument[] = [];
  lines.forEach((l, i) => {
    if (!l.trim()) return;
    const p = tryParse(l);
    if (!p.ok) out.error(i + 1, `invalid JSON: ${shortReason(p.error)}`);
    else if (!isObject(p.value)) out.error(i + 1, 'expected a JSON object');
    else docs.push({ doc: p.value, line: i + 1, text: '' });
  });
  return docs;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error };
  }
}
