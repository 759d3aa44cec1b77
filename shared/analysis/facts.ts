// Facts a piece of evidence states about a resource: leaves of JSON objects (spec.replicas = 6),
// kubectl-style tables and `key: value` text. Values are kept as text so they compare exactly.

export type Facts = Map<string, string>;

/** Kubernetes bookkeeping that changes on every write and says nothing about what the agent relied on. */
const NOISE = /^(metadata\.(uid|resourceVersion|generation|creationTimestamp|managedFields|selfLink)|status\.conditions|status\.observedGeneration)/;

export function flattenJson(value: unknown, prefix = '', out: Facts = new Map(), depth = 0): Facts {
  if (depth > 12 || out.size > 500) return out;
  if (value === null || typeof value !== 'object') {
    if (prefix && !NOISE.test(prefix)) out.set(prefix, String(value));
    return out;
  }
  if (Array.isArray(value)) {
    // Containers are usually one per pod: index them by name so `containers.payments.image` is stable.
    value.forEach((item, i) => {
      const named = item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string';
      const key = named ? (item as { name: string }).name : String(i);
      flattenJson(item, prefix ? `${prefix}.${key}` : key, out, depth + 1);
    });
    return out;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) flattenJson(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
  return out;
}

/** A kubectl table (`NAME  READY  UP-TO-DATE ...`): one fact set per row, keyed by the NAME column. */
export function parseTable(text: string): Map<string, Facts> | undefined {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length < 2 || !/^NAME\s{2,}/.test(lines[0])) return undefined;
  const header = lines[0];
  const starts: number[] = [];
  const names: string[] = [];
  for (const m of header.matchAll(/\S+(?: \S+)*/g)) {
    starts.push(m.index ?? 0);
    names.push(m[0].toLowerCase());
  }
  const rows = new Map<string, Facts>();
  for (const line of lines.slice(1)) {
    // Cells are split on runs of 2+ spaces; that survives values wider than their header.
    const cells = line.trim().split(/\s{2,}/);
    if (cells.length !== names.length) continue;
    const facts: Facts = new Map();
    names.forEach((n, i) => { if (i > 0) facts.set(n, cells[i]); });
    rows.set(cells[0], facts);
  }
  return rows.size ? rows : undefined;
}

/** `Replicas: 6 desired | 6 updated` style text (kubectl describe, CLI tools): first value per key. */
export function parseKeyValues(text: string): Facts {
  const out: Facts = new Map();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z][\w .-]{0,40}?)\s*:\s+(\S.*)$/.exec(line);
    if (m && !out.has(m[1].toLowerCase())) out.set(m[1].toLowerCase(), m[2].trim());
  }
  return out;
}

/** Best reading of an observation text: JSON first, then a table (caller handles rows), then key: value. */
export function factsFromText(text: string): { json?: Facts; table?: Map<string, Facts>; kv?: Facts } {
  const t = text.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return { json: flattenJson(JSON.parse(t)) };
    } catch {
      // Truncated JSON: fall through to text readings.
    }
  }
  const table = parseTable(t);
  if (table) return { table };
  const kv = parseKeyValues(t);
  return kv.size ? { kv } : {};
}

/** Intent facts as the importers record them: an object, a list of {fact,value}, or `a=b, c=d` text. */
export function intentFacts(intent: unknown): Facts {
  const out: Facts = new Map();
  if (!intent) return out;
  if (typeof intent === 'string') {
    for (const part of intent.split(/[,;]\s*/)) {
      const m = /^\s*([\w.-]+)\s*=\s*(.+?)\s*$/.exec(part);
      if (m) out.set(m[1], m[2]);
    }
  } else if (Array.isArray(intent)) {
    for (const f of intent) {
      const o = f as { fact?: unknown; path?: unknown; value?: unknown };
      const k = o.fact ?? o.path;
      if (typeof k === 'string') out.set(k, String(o.value));
    }
  } else if (typeof intent === 'object') {
    const o = intent as Record<string, unknown>;
    const nested = o.facts ?? null;
    if (nested && typeof nested === 'object') return intentFacts(nested);
    for (const [k, v] of Object.entries(o)) if (v === null || typeof v !== 'object') out.set(k, String(v));
  }
  return out;
}
