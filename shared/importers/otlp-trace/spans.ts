// Collects the spans of OTLP/JSON trace documents with their provenance, before GenAI interpretation.
import { isObject, str, type JsonObject } from '../common/json';
import type { OutputBuffer } from '../common/output';
import type { OtlpDocument } from '../otlp/documents';
import { SpanLocator } from '../otlp/locate';
import { attributesOf, idHex, unixNano } from '../otlp/values';

export interface SpanInfo {
  span: JsonObject;
  attrs: JsonObject;
  resource: JsonObject;
  scope: string;
  service: string;
  line: number;
  pointer: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  start: bigint;
  end: bigint | null;
}

export function collectSpans(docs: OtlpDocument[], out: OutputBuffer): SpanInfo[] {
  const spans: SpanInfo[] = [];
  for (const { doc, line, text } of docs) {
    const rss = doc.resourceSpans;
    if (!Array.isArray(rss)) {
      out.error(line, 'not an OTLP trace document (no resourceSpans array)');
      continue;
    }
    const locator = new SpanLocator(text, line);
    rss.forEach((rs, ri) => {
      if (!isObject(rs)) return out.error(line, `/resourceSpans/${ri} is not an object`);
      const resource = attributesOf(isObject(rs.resource) ? rs.resource.attributes : undefined);
      const service = str(resource['service.name']);
      // instrumentationLibrarySpans: the pre-1.0 name of scopeSpans.
      const key = Array.isArray(rs.scopeSpans) ? 'scopeSpans' : 'instrumentationLibrarySpans';
      const scopes = Array.isArray(rs[key]) ? (rs[key] as unknown[]) : [];
      scopes.forEach((ss, si) => {
        if (!isObject(ss) || !Array.isArray(ss.spans)) return;
        const scopeObj = isObject(ss.scope) ? ss.scope : isObject(ss.instrumentationLibrary) ? ss.instrumentationLibrary : {};
        ss.spans.forEach((sp: unknown, pi: number) => {
          const pointer = `/resourceSpans/${ri}/${key}/${si}/spans/${pi}`;
          const spanLine = isObject(sp) ? locator.lineOf(str(sp.spanId)) ?? line : line;
          if (!isObject(sp)) return out.error(spanLine, `${pointer} is not an object`);
          const start = unixNano(sp.startTimeUnixNano);
          if (start === undefined) return out.error(spanLine, `${pointer}: span without a readable startTimeUnixNano`);
          const end = unixNano(sp.endTimeUnixNano);
          spans.push({
            span: sp, attrs: attributesOf(sp.attributes), resource, scope: str(scopeObj.name), service, line: spanLine, pointer,
            traceId: idHex(sp.traceId), spanId: idHex(sp.spanId), parentSpanId: idHex(sp.parentSpanId),
            start, end: end !== undefined && end >= start ? end : null,
          });
        });
      });
    });
  }
  return spans;
}
