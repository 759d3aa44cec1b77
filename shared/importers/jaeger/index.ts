// Jaeger JSON traces: the query API's `{data: [trace]}`, a UI export `{data: trace}`, or one bare trace; times in microseconds.
import type { Importer } from '../types';
import { bag, isObject, str, type JsonObject } from '../common/json';
import { parseDocument } from '../common/document';
import { OutputBuffer, documentParser } from '../common/output';
import { SpanLocator } from '../otlp/locate';
import { idHex } from '../otlp/values';
import { emitSpanEvents } from '../otlp-trace/parse';
import type { SpanInfo } from '../otlp-trace/spans';

export function detectJaeger(head: string): number {
  if (head.trimStart()[0] !== '{') return 0;
  return /"traceID"\s*:/.test(head) && /"(spanID|operationName|processes)"\s*:/.test(head) ? 0.9 : 0;
}

function tagsOf(list: unknown): JsonObject {
  const out = bag();
  if (Array.isArray(list)) for (const t of list) if (isObject(t) && typeof t.key === 'string') out[t.key] = t.value;
  return out;
}

function traces(doc: JsonObject): [JsonObject, string][] {
  const d = doc.data;
  if (Array.isArray(d)) return d.filter(isObject).map((t, i) => [t, `/data/${i}`]);
  if (isObject(d)) return [[d, '/data']];
  return Array.isArray(doc.spans) ? [[doc, '']] : [];
}

function parse(text: string, out: OutputBuffer): void {
  const doc = parseDocument(text, out);
  if (doc === undefined) return;
  if (!isObject(doc)) return out.error(1, 'expected a Jaeger JSON object');
  const found = traces(doc);
  if (!found.length) return out.error(1, 'no Jaeger trace (data or spans) in this document');
  const locator = new SpanLocator(text, 1, 'spanID');
  const spans: SpanInfo[] = [];
  for (const [trace, base] of found) {
    const processes = isObject(trace.processes) ? trace.processes : {};
    (Array.isArray(trace.spans) ? trace.spans : []).forEach((sp: unknown, i: number) => {
      const pointer = `${base}/spans/${i}`;
      if (!isObject(sp)) return out.error(1, `${pointer} is not a span object`);
      const line = locator.lineOf(str(sp.spanID)) ?? 1;
      if (typeof sp.startTime !== 'number') return out.error(line, `${pointer}: span without a startTime`);
      const start = BigInt(Math.round(sp.startTime)) * 1000n;
      const end = typeof sp.duration === 'number' ? start + BigInt(Math.round(sp.duration)) * 1000n : null;
      const proc = isObject(sp.process) ? sp.process : isObject(processes[str(sp.processID)]) ? (processes[str(sp.processID)] as JsonObject) : {};
      const attrs = tagsOf(sp.tags);
      const refs = Array.isArray(sp.references) ? sp.references.filter(isObject) : [];
      const parent = refs.find((r) => r.refType === 'CHILD_OF') ?? refs[0];
      const service = str(proc.serviceName);
      const error = attrs.error === true || attrs.error === 'true' || attrs['otel.status_code'] === 'ERROR';
      const span: JsonObject = { name: sp.operationName ?? '', kind: attrs['span.kind'], status: error ? { code: 2 } : {}, events: sp.logs, links: refs.slice(1) };
      spans.push({ span, attrs, resource: { 'service.name': service, ...tagsOf(proc.tags) }, scope: str(attrs['otel.library.name']), service, line, pointer,
        traceId: idHex(sp.traceID), spanId: idHex(sp.spanID), parentSpanId: parent ? idHex(parent.spanID) : '', start, end });
    });
  }
  emitSpanEvents(spans, out);
}

export const jaeger: Importer = {
  id: 'jaeger',
  label: 'Jaeger JSON trace',
  version: 2,
  mode: 'document',
  detect: (head) => detectJaeger(head),
  createParser: () => documentParser(parse),
};
