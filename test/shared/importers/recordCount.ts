// How many records a file holds, counted without the importers, so tests can check that every record is
// accounted for: records = events − derived + merged + errors. Undefined where the test cannot tell alone
// (CSV, where a quoted cell may span lines and an unclosed one changes what follows).

/** Arrays under `key` anywhere in the value, summed: spans of OTLP and Jaeger documents, OTLP log records. */
function countUnder(value: unknown, key: string): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countUnder(v, key), 0);
  if (!value || typeof value !== 'object') return 0;
  let n = 0;
  for (const [k, v] of Object.entries(value)) n += k === key && Array.isArray(v) ? v.length : countUnder(v, key);
  return n;
}

const has = (value: unknown, key: string): boolean =>
  Array.isArray(value) ? value.some((v) => has(v, key)) : !!value && typeof value === 'object' && Object.entries(value).some(([k, v]) => k === key || has(v, key));

/** A document holding no `key` at all is one record (one the importer must refuse with an error). */
const under = (key: string) => (d: unknown) => (has(d, key) ? countUnder(d, key) : 1);

const lines = (text: string) => text.split('\n').filter((l) => l.trim());

/** The documents of a file: one JSON value, or JSON lines. */
function documents(text: string): unknown[] {
  try {
    return [JSON.parse(text)];
  } catch {
    return lines(text).map((l) => {
      try {
        return JSON.parse(l);
      } catch {
        return undefined; // a broken line is one record
      }
    });
  }
}

const each = (text: string, f: (doc: unknown) => number) => documents(text).reduce((n: number, d) => n + (d === undefined ? 1 : f(d)), 0);

const COUNTERS: Record<string, (text: string) => number> = {
  // One record per line (blank lines are not records).
  'k8s-audit': (t) => lines(t).length,
  'jsonl-log': (t) => lines(t).length,
  'text-log': (t) => lines(t).length,
  syslog: (t) => lines(t).length,
  'cri-log': (t) => lines(t).length,
  logfmt: (t) => lines(t).length,
  'azure-activity': (t) => lines(t).length,
  'claude-code': (t) => lines(t).length,
  'codex-rollout': (t) => lines(t).length,
  // One record per span, log record, array element.
  'otlp-trace': (t) => each(t, under('spans')),
  jaeger: (t) => each(t, under('spans')),
  'otlp-log': (t) => each(t, under('logRecords')),
  'k8s-events': (t) => each(t, under('items')),
  'gcp-audit': (t) => each(t, (d) => (Array.isArray(d) ? d.length : Array.isArray((d as { entries?: unknown })?.entries) ? (d as { entries: unknown[] }).entries.length : 1)),
  alertmanager: (t) => each(t, under('alerts')),
  zipkin: (t) => each(t, (d) => (Array.isArray(d) ? d.flat().length : 1)),
  cloudtrail: (t) => each(t, (d) => (d && typeof d === 'object' && Array.isArray((d as { Records?: unknown[] }).Records) ? (d as { Records: unknown[] }).Records.length : 1)),
  // Transcripts: a step, a message, an event of the stream.
  openhands: (t) => each(t, (d) => (Array.isArray(d) ? d.length : countUnder(d, 'history'))),
  'chat-messages': (t) => each(t, (d) => (Array.isArray(d) ? d.length : countUnder(d, 'messages'))),
  'openai-responses': (t) => each(t, (d) => {
    if (Array.isArray(d)) return d.length;
    const o = (d ?? {}) as { input?: unknown; output?: unknown };
    const lists = [o.input, o.output].filter(Array.isArray) as unknown[][];
    return lists.length ? lists.reduce((n, l) => n + l.length, 0) : 1;
  }),
  // Each step, and the task statement that precedes step 0.
  'swe-agent': (t) => each(t, (d) => {
    const o = d as { trajectory?: unknown[]; history?: { role?: string; content?: unknown }[] };
    const task = o.history?.some((h) => h?.role === 'user' && /issue|task/i.test(typeof h.content === 'string' ? h.content : JSON.stringify(h.content ?? '')));
    return (o.trajectory?.length ?? 0) + (task ? 1 : 0);
  }),
};

export function countRecords(format: string, text: string): number | undefined {
  return COUNTERS[format]?.(text.replace(/^\uFEFF/, ''));
}
