// Zipkin v2 JSON: an array of spans (or of traces, as the /api/v2/traces endpoint returns), times in microseconds.
import type { Importer } from '../types';
import { bag, isObject, str, type JsonObject } from '../common/json';
import { parseDocument } from '../common/document';
import { OutputBuffer, documentParser } from '../common/output';
import { SpanLocator } from '../otlp/locate';
import { idHex } from '../otlp/values';
import { emitSpanEvents } from '../otlp-trace/parse';
import type { SpanInfo } from '../otlp-trace/spans';

export function detectZipkin(head: string): number {
  const t = head.trimStart();
  if (t[0] !== '[') return 0;
  const hasId = /"traceId"\s*:/.test(head) && /"id"\s*:/.test(head);
  const zipkinish = /"(localEndpoint|remoteEndpoint|duration)"\s*:/.test(head);
  return hasId && zipkinish ? 0.9 : hasId ? 0.5 : 0;
}

function timestampOf(sp: JsonObject): number | undefined {
  const ts = typeof sp.timestamp === 'number' ? sp.timestamp : Number(sp.timestamp);
  if (Number.isFinite(ts) && ts > 0) return ts;
  const first = Array.isArray(sp.annotations) ? sp.annotations.find((a) => isObject(a) && typeof a.timestamp === 'number') : undefined;
  return first ? (first as JsonObject).timestamp as number : undefined;
}

function parse(text: string, out: OutputBuffer): void {
  const doc = parseDocument(text, out);
  if (doc === undefined) return;
  if (!Array.isArray(doc)) return out.error(1, 'expected a JSON array of Zipkin spans');
  const locator = new SpanLocator(text, 1, 'id');
  const spans: SpanInfo[] = [];
  const pending: { sp: JsonObject; pointer: string; line: number }[] = [];
  const startOf = new Map<string, number>();
  const earliest = new Map<string, number>();
  const visit = (sp: unknown, pointer: string) => {
    if (!isObject(sp)) return out.error(1, `${pointer} is not a span object`);
    const line = locator.lineOf(str(sp.id)) ?? 1;
    pending.push({ sp, pointer, line });
    const ts = timestampOf(sp);
    if (ts === undefined) return;
    startOf.set(`${str(sp.traceId)}/${str(sp.id)}`, ts);
    earliest.set(str(sp.traceId), Math.min(ts, earliest.get(str(sp.traceId)) ?? ts));
  };
  doc.forEach((x, i) => (Array.isArray(x) ? x.forEach((y, j) => visit(y, `/${i}/${j}`)) : visit(x, `/${i}`)));
  for (const { sp, pointer, line } of pending) {
    // Zipkin allows spans without a timestamp (fragments reported by one side); place them at their parent, else at the trace start.
    let ts = timestampOf(sp);
    let inferred = '';
    if (ts === undefined && startOf.has(`${str(sp.traceId)}/${str(sp.parentId)}`)) [ts, inferred] = [startOf.get(`${str(sp.traceId)}/${str(sp.parentId)}`)!, 'parent'];
    if (ts === undefined && earliest.has(str(sp.traceId))) [ts, inferred] = [earliest.get(str(sp.traceId))!, 'trace start'];
    if (ts === undefined) {
      out.error(line, `${pointer}: span without a timestamp, in a trace without any`);
      continue;
    }
    const start = BigInt(Math.round(ts)) * 1000n;
    const dur = typeof sp.duration === 'number' ? BigInt(Math.round(sp.duration)) * 1000n : null;
    const tags = isObject(sp.tags) ? sp.tags : {};
    const attrs = bag();
    for (const k in tags) attrs[k] = tags[k];
    if (inferred) attrs['driftline.timestamp_inferred_from'] = inferred;
    const local = isObject(sp.localEndpoint) ? sp.localEndpoint : {};
    const service = str(local.serviceName);
    const span: JsonObject = { name: sp.name ?? '', kind: sp.kind, status: tags.error !== undefined ? { code: 2, message: tags.error } : {}, events: sp.annotations, remoteEndpoint: sp.remoteEndpoint };
    spans.push({ span, attrs, resource: { 'service.name': service }, scope: '', service, line, pointer,
      traceId: idHex(sp.traceId), spanId: idHex(sp.id), parentSpanId: idHex(sp.parentId), start, end: dur === null ? null : start + dur });
  }
  emitSpanEvents(spans, out);
}

export const zipkin: Importer = {
  id: 'zipkin',
  label: 'Zipkin v2 JSON trace',
  version: 2,
  mode: 'document',
  detect: (head) => detectZipkin(head),
  createParser: () => documentParser(parse),
};
