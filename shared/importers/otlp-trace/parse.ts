// OTLP/JSON traces: the whole file arrives at once, so agent names can be resolved across all spans before emitting.
import type { RecordParser } from '../types';
import { OutputBuffer } from '../common/output';
import { splitDocuments } from '../otlp/documents';
import { collectSpans, type SpanInfo } from './spans';
import { spanToEvents } from './toEvents';

export function createOtlpTraceParser(): RecordParser {
  const out = new OutputBuffer();
  return {
    push(text) {
      const spans = collectSpans(splitDocuments(text, out), out);
      const byId = new Map<string, SpanInfo>();
      for (const s of spans) byId.set(`${s.traceId}/${s.spanId}`, s);
      for (const s of spans) {
        // An execute_tool span yields two records, the call and its result.
        for (const e of spanToEvents(s, byId)) out.events.push(e);
      }
    },
    drain: () => out.take(),
    finish: () => out.take(),
  };
}
