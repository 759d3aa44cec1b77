// Whole-document JSON formats: parse once, and place a syntax error on its line.
import { shortReason } from './json';
import type { OutputBuffer } from './output';

/** Parses a JSON document; on failure records one located error and returns undefined. */
export function parseDocument(text: string, out: OutputBuffer): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    out.error(lineOfError(text, e), `invalid JSON document: ${shortReason(e)}`);
    return undefined;
  }
}

/** V8 says "at position N" (newer: "line L column C"); turn it into a line of the file. */
export function lineOfError(text: string, e: unknown): number {
  const m = /line (\d+)/.exec(String(e));
  if (m) return Number(m[1]);
  const p = /position (\d+)/.exec(String(e));
  return lineAt(text, p ? Number(p[1]) : text.length);
}

/** 1-based line of a character offset. */
export function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
