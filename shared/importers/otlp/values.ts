// OTLP/JSON value encodings: AnyValue attributes, hex or base64 ids, int64 nanoseconds as string or number.
import { bag, isObject, type JsonObject } from '../common/json';

/** OTLP AnyValue → plain JSON value. */
export function anyValue(v: unknown, depth = 0): unknown {
  if (!isObject(v) || depth > 16) return null;
  if ('stringValue' in v) return v.stringValue;
  if ('boolValue' in v) return v.boolValue;
  if ('intValue' in v) {
    const n = Number(v.intValue);
    return Number.isSafeInteger(n) ? n : String(v.intValue);
  }
  if ('doubleValue' in v) return Number(v.doubleValue);
  if ('bytesValue' in v) return v.bytesValue;
  if (isObject(v.arrayValue)) return Array.isArray(v.arrayValue.values) ? v.arrayValue.values.map((x) => anyValue(x, depth + 1)) : [];
  if (isObject(v.kvlistValue)) return attributesOf(v.kvlistValue.values, depth + 1);
  return null;
}

/** `[{key, value}]` → an object without prototype (keys such as `__proto__` stay plain keys). */
export function attributesOf(list: unknown, depth = 0): JsonObject {
  const out = bag();
  if (!Array.isArray(list)) return out;
  for (const kv of list) {
    if (isObject(kv) && typeof kv.key === 'string') out[kv.key] = anyValue(kv.value, depth);
  }
  return out;
}

const HEX_RE = /^[0-9a-fA-F]+$/;

/** Trace and span ids as lower-case hex; OTLP/JSON says hex, but protobuf-JSON mappers emit base64. */
export function idHex(v: unknown): string {
  if (typeof v !== 'string' || !v) return '';
  if (HEX_RE.test(v) && (v.length === 16 || v.length === 32)) return v.toLowerCase();
  if (/^[A-Za-z0-9+/]+=*$/.test(v) && v.length % 4 === 0) {
    try {
      const bin = atob(v);
      let hex = '';
      for (let i = 0; i < bin.length; i++) hex += bin.charCodeAt(i).toString(16).padStart(2, '0');
      if (hex.length === 16 || hex.length === 32) return hex;
    } catch {
      // not base64 either: keep the text
    }
  }
  return HEX_RE.test(v) ? v.toLowerCase() : v;
}

/** fixed64 nanoseconds, given as a decimal string or a JSON number. */
export function unixNano(v: unknown): bigint | undefined {
  if (typeof v === 'string' && /^\d+$/.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return BigInt(Math.round(v));
  return undefined;
}
