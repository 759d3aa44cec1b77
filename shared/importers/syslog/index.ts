// Syslog files: RFC 5424 and BSD RFC 3164 (e.g. /var/log/syslog, auth.log).
import type { Importer } from '../types';
import { headLines } from '../common/json';
import { SYSLOG_LINE, createSyslogParser } from './parse';

export function detectSyslog(head: string): number {
  const lines = headLines(head, 30);
  if (!lines.length) return 0;
  const hits = lines.filter((l) => SYSLOG_LINE.RFC5424.test(l) || SYSLOG_LINE.RFC3164.test(l)).length;
  const share = hits / lines.length;
  return share >= 0.3 ? 0.5 + 0.4 * share : 0;
}

export const syslog: Importer = {
  id: 'syslog',
  label: 'Syslog RFC 5424 / 3164',
  version: 1,
  mode: 'lines',
  detect: (head) => detectSyslog(head),
  createParser: (ctx) => createSyslogParser(ctx),
};
