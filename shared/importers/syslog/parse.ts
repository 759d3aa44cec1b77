// Syslog lines: RFC 5424 (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG`) and BSD RFC 3164
// (`<PRI>Mmm dd hh:mm:ss HOST TAG[PID]: MSG`, no year: assumed, and recorded as assumed).
import type { ParsedEvent, Severity } from '../../model/event';
import type { Nanos } from '../../model/ids';
import { parseIsoNanos } from '../../model/time';
import type { ParseContext, RecordParser } from '../types';
import { safeStringify } from '../common/json';
import { lineParser } from '../common/output';
import { MONTHS, YearTracker, defaultYear } from '../common/textTime';

const SEVERITY: Severity[] = ['fatal', 'fatal', 'fatal', 'error', 'warn', 'info', 'info', 'debug'];
const RFC5424 = /^<(\d{1,3})>(\d{1,2}) (\S+) (\S+) (\S+) (\S+) (\S+) ?(.*)$/;
const RFC3164 = /^(?:<(\d{1,3})>)?([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\S+) (.*)$/;
const TAG = /^([^\s:[]+(?:\([^)]*\))?)(?:\[(\d+)\])?: ?(.*)$/;

export const SYSLOG_LINE = { RFC5424, RFC3164 };

/** Splits `[id k="v"][id2 ...] msg` into the structured data and the message. */
function splitStructured(rest: string): [string, string] {
  if (rest.startsWith('- ') || rest === '-') return ['-', rest.slice(2)];
  if (!rest.startsWith('[')) return ['', rest];
  let i = 0;
  while (rest[i] === '[') {
    let j = i + 1;
    while (j < rest.length && rest[j] !== ']') j += rest[j] === '\\' ? 2 : 1;
    i = j + 1;
  }
  return [rest.slice(0, i), rest.slice(i).replace(/^ /, '')];
}

export function createSyslogParser(ctx: ParseContext): RecordParser {
  const years = new YearTracker(defaultYear(ctx.assumeYear));
  let prev: ParsedEvent | undefined;
  return lineParser((text, line, out) => {
    let m = RFC5424.exec(text);
    let ev: ParsedEvent | undefined;
    if (m) {
      const ts = parseIsoNanos(m[3]);
      if (ts !== undefined) {
        const [sd, msg] = splitStructured(m[8]);
        const pri = +m[1];
        const app = m[5] === '-' ? '' : m[5];
        ev = make(line, ts, app, SEVERITY[pri & 7], msg.replace(/^\uFEFF/, '').trimStart(), text,
          { format: 'rfc5424', facility: pri >> 3, host: nil(m[4]), app, procid: nil(m[6]), msgid: nil(m[7]), structuredData: sd === '-' ? '' : sd });
      }
    } else if ((m = RFC3164.exec(text))) {
      const mo = MONTHS[m[2].toLowerCase()];
      if (mo !== undefined) {
        years.observe(mo);
        const ts = BigInt(Date.UTC(years.year, mo, +m[3], +m[4], +m[5], +m[6])) * 1_000_000n;
        const tag = TAG.exec(m[8]);
        const app = tag ? tag[1] : '';
        const pri = m[1] === undefined ? undefined : +m[1];
        ev = make(line, ts as Nanos, app, pri === undefined ? 'info' : SEVERITY[pri & 7], tag ? tag[3] : m[8], text,
          { format: 'rfc3164', host: m[7], app, pid: tag?.[2] ?? '', facility: pri === undefined ? undefined : pri >> 3, yearAssumed: years.year });
      }
    }
    if (!ev) {
      // A continuation of a multi-line message: its own event, at the time of the line it continues.
      if (!prev) return out.error(line, 'not a syslog line, and no earlier line to continue');
      ev = { ...prev, sourceLine: line, message: text, raw: text, attributes: safeStringify({ continuationOf: prev.sourceLine }) };
    } else prev = ev;
    out.events.push(ev);
  });
}

const nil = (s: string) => (s === '-' ? '' : s);

function make(line: number, ts: bigint, app: string, severity: Severity, message: string, raw: string, attrs: Record<string, unknown>): ParsedEvent {
  return {
    sourceLine: line, sourcePointer: '', ts: ts as Nanos, endTs: null, kind: 'log', actor: app, actorType: app ? 'system' : 'unknown', service: app,
    resource: '', action: '', severity, message, traceId: '', spanId: '', parentSpanId: '', callId: '', attributes: safeStringify(attrs), raw,
  };
}
