// Timestamps that lead plain-text log lines: ISO-8601, syslog's "Mmm dd hh:mm:ss" (no year), HDFS's yyMMdd HHmmss, Go's yyyy/mm/dd.
import { parseIsoNanos } from '../../model/time';

export const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

export interface LeadingTime {
  ns: bigint;
  /** Characters the timestamp took, from the start of the text given. */
  length: number;
  /** The month, for timestamps without a year (to notice a new year in a long file). */
  month?: number;
  yearAssumed?: boolean;
}

const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?/;
const SLASH = /^(\d{4})\/(\d{2})\/(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?/;
const HDFS = /^(\d{2})(\d{2})(\d{2}) (\d{2})(\d{2})(\d{2})(?=\s)/;
const SYSLOG = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?/;

const ms = (y: number, mo: number, d: number, h: number, mi: number, s: number, frac = '') =>
  BigInt(Date.UTC(y, mo, d, h, mi, s)) * 1_000_000n + BigInt((frac + '000000000').slice(0, 9));

/** Reads a timestamp at the very start of `text`; `year` is used for formats that have none. */
export function leadingTime(text: string, year: number): LeadingTime | undefined {
  let m = ISO.exec(text);
  if (m) {
    const ns = parseIsoNanos(m[0].replace(',', '.').replace(/\s(?=[Z+-])/, ''));
    return ns === undefined ? undefined : { ns, length: m[0].length };
  }
  if ((m = SLASH.exec(text))) return { ns: ms(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], m[7]), length: m[0].length };
  if ((m = SYSLOG.exec(text))) {
    const mo = MONTHS[m[1].toLowerCase()];
    if (mo === undefined) return undefined;
    return { ns: ms(year, mo, +m[2], +m[3], +m[4], +m[5], m[6]), length: m[0].length, month: mo, yearAssumed: true };
  }
  if ((m = HDFS.exec(text))) {
    const mo = +m[2] - 1;
    if (mo > 11 || +m[3] < 1 || +m[3] > 31 || +m[4] > 23) return undefined;
    return { ns: ms(2000 + +m[1], mo, +m[3], +m[4], +m[5], +m[6]), length: m[0].length };
  }
  return undefined;
}

/**
 * Tracks the year of year-less timestamps: starts at the assumed year and moves on when the month
 * goes back by more than six (December → January), so a log spanning New Year stays in order.
 */
export class YearTracker {
  private lastMonth = -1;
  constructor(public year: number) {}
  observe(month: number): boolean {
    const rolled = this.lastMonth >= 0 && month + 6 < this.lastMonth;
    if (rolled) this.year++;
    this.lastMonth = month;
    return rolled;
  }
}

export const defaultYear = (assumeYear?: number) => assumeYear ?? new Date().getUTCFullYear();
