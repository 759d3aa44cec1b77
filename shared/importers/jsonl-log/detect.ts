// JSON-lines application logs: objects with a time key and usually a message key.
import { headLines } from '../common/json';
import { TIME_KEYS, MESSAGE_KEYS } from './keys';

export function detectJsonlLog(head: string): number {
  const lines = headLines(head, 20);
  if (!lines.length) return 0;
  let objects = 0, timed = 0, messaged = 0;
  for (const l of lines) {
    if (l[0] !== '{') continue;
    let o: unknown;
    try {
      o = JSON.parse(l);
    } catch {
      continue;
    }
    if (!o || typeof o !== 'object' || Array.isArray(o)) continue;
    objects++;
    const keys = o as Record<string, unknown>;
    if (TIME_KEYS.some((k) => keys[k] !== undefined)) timed++;
    if (MESSAGE_KEYS.some((k) => keys[k] !== undefined)) messaged++;
  }
  if (!objects) return 0;
  const share = (n: number) => n / lines.length;
  // Any JSON-lines file is a weak candidate; time + message keys make it a log.
  return Math.min(0.8, 0.25 * share(objects) + 0.35 * share(timed) + 0.2 * share(messaged));
}
