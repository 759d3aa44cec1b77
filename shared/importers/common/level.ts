// Log levels from every convention we meet (names, pino/bunyan numbers, syslog severities) to one Severity.
import type { Severity } from '../../model/event';

const NAMES: Record<string, Severity> = {
  trace: 'debug', debug: 'debug', dbg: 'debug', verbose: 'debug', fine: 'debug', finer: 'debug', finest: 'debug',
  info: 'info', information: 'info', informational: 'info', notice: 'info', inf: 'info',
  warn: 'warn', warning: 'warn', wrn: 'warn',
  error: 'error', err: 'error', severe: 'error', fail: 'error', failure: 'error',
  fatal: 'fatal', critical: 'fatal', crit: 'fatal', panic: 'fatal', emerg: 'fatal', emergency: 'fatal', alert: 'fatal',
};

export function normaliseLevel(v: unknown): Severity | undefined {
  if (typeof v === 'number') return levelFromNumber(v);
  if (typeof v !== 'string' || !v) return undefined;
  const named = NAMES[v.toLowerCase()];
  if (named) return named;
  if (/^\d+$/.test(v)) return levelFromNumber(Number(v));
  return NAMES[v.toLowerCase().replace(/[^a-z].*$/, '')];
}

function levelFromNumber(n: number): Severity | undefined {
  // pino / bunyan: 10 trace … 60 fatal
  if (n >= 10) return n >= 60 ? 'fatal' : n >= 50 ? 'error' : n >= 40 ? 'warn' : n >= 30 ? 'info' : 'debug';
  // syslog severities: 0 emerg … 7 debug
  if (n >= 0 && n <= 7) return n <= 2 ? 'fatal' : n === 3 ? 'error' : n === 4 ? 'warn' : n === 7 ? 'debug' : 'info';
  return undefined;
}
