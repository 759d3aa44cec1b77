// Safe JSON helpers for parsers: hostile input (`__proto__` keys, deep nesting, huge lines) must cost a record, never the import.

export type JsonObject = Record<string, unknown>;

/** Parses one JSON object; returns a reason string instead of throwing. */
export function parseJsonObject(text: string): JsonObject | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return `invalid JSON: ${shortReason(e)}`;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return `expected a JSON object, found ${Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'null' : typeof v}`;
  return v as JsonObject;
}

export function shortReason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 200 ? m.slice(0, 200) + '…' : m;
}

/** A plain object with no prototype, so a `__proto__` key is just a key. */
export const bag = (): JsonObject => Object.create(null) as JsonObject;

/** JSON.stringify that survives cycles-free but pathological values (deep nesting, BigInt). */
export function safeStringify(v: unknown): string {
  try {
    // Without a replacer first: a replacer is called for every key and makes the common case several
    // times slower, and values from JSON.parse never hold the BigInts it exists for.
    return JSON.stringify(v) ?? 'null';
  } catch {
    try {
      return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)) ?? 'null';
    } catch (e) {
      return JSON.stringify({ unserialisable: shortReason(e) });
    }
  }
}

/**
 * Sets a key on an ordinary object; `__proto__` becomes an own property instead of the prototype.
 * Ordinary objects built in the same key order share a shape, which stringifies far faster than a
 * prototype-less dictionary.
 */
export function setKey(o: JsonObject, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

export const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : '');

/** First complete, non-blank lines of a detection head (the last line may be cut at 64 KiB). */
export function headLines(head: string, max = 20): string[] {
  const lines = head.split('\n');
  if (lines.length > 1) lines.pop();
  const out: string[] = [];
  for (const l of lines) {
    const t = l.trim();
    if (t) out.push(t);
    if (out.length >= max) break;
  }
  return out;
}
