// OTLP/JSON logs: `{"resourceLogs": [...]}` documents (one, or one per line). GenAI message events become
// user/agent messages; everything else is a log.
import type { EventKind, ParsedEvent, Severity } from '../../model/event';
import type { Nanos } from '../../model/ids';
import type { Importer } from '../types';
import { isObject, safeStringify, str } from '../common/json';
import { OutputBuffer, documentParser } from '../common/output';
import { splitDocuments } from '../otlp/documents';
import { SpanLocator } from '../otlp/locate';
import { anyValue, attributesOf, idHex, unixNano } from '../otlp/values';

const SEVERITIES: Severity[] = ['debug', 'debug', 'info', 'warn', 'error', 'fatal'];
const GENAI_KINDS: Record<string, EventKind> = {
  'gen_ai.user.message': 'user_message', 'gen_ai.assistant.message': 'agent_message', 'gen_ai.choice': 'agent_message',
};

export function detectOtlpLog(head: string): number {
  return head.trimStart()[0] === '{' && /"resourceLogs"\s*:/.test(head) ? 0.95 : 0;
}

function severityOf(n: unknown, text: string): Severity {
  if (typeof n === 'number' && n >= 1 && n <= 24) return SEVERITIES[Math.floor((n - 1) / 4)];
  return /err/i.test(text) ? 'error' : /warn/i.test(text) ? 'warn' : /debug|trace/i.test(text) ? 'debug' : 'info';
}

function parse(text: string, out: OutputBuffer): void {
  for (const { doc, line, text: docText } of splitDocuments(text, out)) {
    if (!Array.isArray(doc.resourceLogs)) {
      out.error(line, 'not an OTLP logs document (no resourceLogs array)');
      continue;
    }
    const locator = new SpanLocator(docText, line, 'timeUnixNano');
    doc.resourceLogs.forEach((rl: unknown, ri: number) => {
      if (!isObject(rl)) return out.error(line, `/resourceLogs/${ri} is not an object`);
      const resource = attributesOf(isObject(rl.resource) ? rl.resource.attributes : undefined);
      const service = str(resource['service.name']);
      (Array.isArray(rl.scopeLogs) ? rl.scopeLogs : []).forEach((sl: unknown, si: number) => {
        if (!isObject(sl) || !Array.isArray(sl.logRecords)) return;
        sl.logRecords.forEach((lr: unknown, li: number) => {
          const pointer = `/resourceLogs/${ri}/scopeLogs/${si}/logRecords/${li}`;
          if (!isObject(lr)) return out.error(line, `${pointer} is not an object`);
          const l = locator.lineOf(str(lr.timeUnixNano)) ?? line;
          const t = unixNano(lr.timeUnixNano);
          const ts = t && t > 0n ? t : unixNano(lr.observedTimeUnixNano);
          if (ts === undefined) return out.error(l, `${pointer}: log record without a time`);
          const body = anyValue(lr.body);
          const attrs = attributesOf(lr.attributes);
          const eventName = str(lr.eventName) || str(attrs['event.name']);
          const ev: ParsedEvent = {
            sourceLine: l, sourcePointer: pointer, ts: ts as Nanos, endTs: null, kind: GENAI_KINDS[eventName] ?? 'log',
            actor: service, actorType: service ? 'system' : 'unknown', service, resource: '', action: eventName,
            severity: severityOf(lr.severityNumber, str(lr.severityText)), message: typeof body === 'string' ? body : body === null ? '' : safeStringify(body),
            traceId: idHex(lr.traceId), spanId: idHex(lr.spanId), parentSpanId: '', callId: '',
            attributes: safeStringify({ eventName, severityText: lr.severityText, attributes: attrs, resource, scope: isObject(sl.scope) ? sl.scope.name : undefined }),
            raw: safeStringify(lr),
          };
          out.events.push(ev);
        });
      });
    });
  }
}

export const otlpLog: Importer = {
  id: 'otlp-log',
  label: 'OTLP/JSON logs',
  version: 1,
  mode: 'document',
  detect: (head) => detectOtlpLog(head),
  createParser: () => documentParser(parse),
};
