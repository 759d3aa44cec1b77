// OTLP/JSON traces: the whole file arrives at once, so agent names can be resolved across all spans before emitting.
import type { RecordParser } from '../types';
import { OutputBuffer } from '../common/output';
import { splitDocuments } from '../otlp/documents';
import { collectSpans, type SpanInfo } from './spans';
import { spanToEvents } from './toEvents';
import { buildCallIndex } from './callIndex';

/** Emits the events of spans from any trace format (OTLP, Zipkin, Jaeger), GenAI-aware. */
export function emitSpanEvents(spans: SpanInfo[], out: OutputBuffer): void {
  const byId = new Map<string, SpanInfo>();
  for (const s of spans) byId.set(`${s.traceId}/${s.spanId}`, s);
  const calls = buildCallIndex(spans);
  // A tool span yields two events, the call and its result; a model span its messages and the calls it carries.
  for (const s of spans) for (const e of spanToEvents(s, byId, calls)) out.events.push(e);
}

export function createOtlpTraceParser(): RecordParser {
  const out = new OutputBuffer();
  return {
    push: (text) => emitSpanEvents(collectSpans(splitDocuments(text, out), out), out),
    drain: () => out.take(),
    finish: () => out.take(),
  };
}
