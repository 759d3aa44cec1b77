// logfmt lines (`time=2026-11-27T10:00:00Z level=info msg="pool exhausted" service=payments`), as written by
// logrus, go-kit, Heroku and Grafana tools. Fields map like JSON logs.
import type { Importer } from '../types';
import { bag, headLines, type JsonObject } from '../common/json';
import { lineParser } from '../common/output';
import { logObjectToEvent } from '../jsonl-log/parse';

const PAIR = /([^\s=]+)=("(?:[^"\\]|\\.)*"|\S*)/g;

/** Parses one logfmt line; undefined when it holds no key=value pair. */
export function parseLogfmt(text: string): JsonObject | undefined {
  const o = bag();
  let n = 0;
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(text); m; m = PAIR.exec(text)) {
    let v = m[2];
    if (v.startsWith('"')) {
      try {
        v = JSON.parse(v) as string;
      } catch {
        v = v.slice(1, -1);
      }
    }
    o[m[1]] = v;
    n++;
  }
  return n ? o : undefined;
}

export function detectLogfmt(head: string): number {
  const lines = headLines(head, 20);
  if (!lines.length || lines[0][0] === '{' || lines[0][0] === '[') return 0;
  const hits = lines.filter((l) => /^[\w.@-]+=/.test(l) && /(^|\s)(time|ts|t|timestamp)=/.test(l) && /(^|\s)(level|lvl|msg|message)=/.test(l)).length;
  return hits / lines.length >= 0.5 ? 0.75 : 0;
}

export const logfmt: Importer = {
  id: 'logfmt',
  label: 'logfmt log',
  version: 1,
  mode: 'lines',
  parallelSafe: true,
  detect: (head) => detectLogfmt(head),
  createParser: () =>
    lineParser((text, line, out) => {
      const o = parseLogfmt(text);
      if (!o) return out.error(line, 'no key=value pairs on this line');
      const ev = logObjectToEvent(o, line, text);
      if (typeof ev === 'string') out.error(line, ev);
      else out.events.push(ev);
    }),
};
