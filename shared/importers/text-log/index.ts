// Plain-text logs whose lines start with a timestamp (loghub's HDFS, OpenStack, Linux, OpenSSH; Go and Python
// loggers). Every line becomes an event; a line without a timestamp continues the previous one, at its time.
import type { ParsedEvent, Severity } from '../../model/event';
import type { Nanos } from '../../model/ids';
import type { Importer, ParseContext, RecordParser } from '../types';
import { headLines, safeStringify } from '../common/json';
import { lineParser } from '../common/output';
import { normaliseLevel } from '../common/level';
import { YearTracker, defaultYear, leadingTime, type LeadingTime } from '../common/textTime';

const LEVEL = /^\s*[[(]?(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT|SEVERE)[\])]?:?\s/i;

/** A timestamp at the start, or after one leading token (OpenStack prefixes each line with its file name). */
function findTime(text: string, year: number): { t: LeadingTime; prefix: string; rest: string } | undefined {
  const t = leadingTime(text, year);
  if (t) return { t, prefix: '', rest: text.slice(t.length) };
  const sp = text.indexOf(' ');
  if (sp <= 0 || sp > 120) return undefined;
  const t2 = leadingTime(text.slice(sp + 1), year);
  return t2 ? { t: t2, prefix: text.slice(0, sp), rest: text.slice(sp + 1 + t2.length) } : undefined;
}

export function detectTextLog(head: string): number {
  const lines = headLines(head, 30);
  if (!lines.length) return 0;
  const share = lines.filter((l) => findTime(l, 2000)).length / lines.length;
  return share >= 0.5 ? 0.35 + 0.3 * share : 0;
}

function createParser(ctx: ParseContext): RecordParser {
  const years = new YearTracker(defaultYear(ctx.assumeYear));
  let prev: ParsedEvent | undefined;
  return lineParser((text, line, out) => {
    const found = findTime(text, years.year);
    if (!found) {
      if (!prev) return out.error(line, 'no timestamp at the start of the line, and no earlier line to continue');
      out.events.push({ ...prev, sourceLine: line, message: text, raw: text, attributes: safeStringify({ continuationOf: prev.sourceLine }) });
      return;
    }
    let ts = found.t.ns;
    const attrs: Record<string, unknown> = {};
    if (found.t.month !== undefined) {
      years.observe(found.t.month);
      // Re-read with the tracked year, which may have moved on at New Year.
      ts = leadingTime(found.prefix ? text.slice(found.prefix.length + 1) : text, years.year)!.ns;
      attrs.yearAssumed = years.year;
    }
    let rest = found.rest.replace(/^[\s,]*(?:\d+\s+)?/, (m) => {
      const pid = /\d+/.exec(m);
      if (pid) attrs.pid = Number(pid[0]);
      return '';
    });
    let severity: Severity = 'info';
    const lv = LEVEL.exec(rest);
    if (lv) {
      severity = normaliseLevel(lv[1]) ?? 'info';
      rest = rest.slice(lv[0].length);
    }
    const comp = /^([A-Za-z_][\w.$-]*(?:\[\d+\])?):?\s/.exec(rest);
    const service = found.prefix ? found.prefix.replace(/\.log.*$/, '') : '';
    if (found.prefix) attrs.prefix = found.prefix;
    if (comp) attrs.component = comp[1];
    const ev: ParsedEvent = {
      sourceLine: line, sourcePointer: '', ts: ts as Nanos, endTs: null, kind: 'log', actor: service || (comp?.[1] ?? ''), actorType: 'system',
      service, resource: '', action: '', severity, message: rest, traceId: '', spanId: '', parentSpanId: '', callId: '',
      attributes: safeStringify(attrs), raw: text,
    };
    prev = ev;
    out.events.push(ev);
  });
}

export const textLog: Importer = {
  id: 'text-log',
  label: 'Plain-text log with leading timestamps',
  version: 1,
  mode: 'lines',
  detect: (head) => detectTextLog(head),
  createParser,
};
