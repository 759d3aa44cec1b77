// Folds the stages of one request (RequestReceived, ResponseStarted, ResponseComplete, Panic) into one event by auditID.
import type { RecordParser } from '../types';
import { parseJsonObject, str } from '../common/json';
import { OutputBuffer } from '../common/output';
import { auditToEvent, type AuditRecord } from './toEvent';

const FINAL_STAGES = new Set(['ResponseComplete', 'Panic']);
/** Requests still waiting for their final stage; bounded so a log of only RequestReceived stages cannot exhaust memory. */
const MAX_OPEN = 100_000;
/** Finished request ids remembered to fold late stages; stages of one request arrive within seconds, so a window suffices. */
const MAX_DONE = 200_000;

export function createK8sAuditParser(): RecordParser {
  const out = new OutputBuffer();
  const open = new Map<string, AuditRecord>();
  const done = new Set<string>();

  const emit = (r: AuditRecord) => {
    const ev = auditToEvent(r);
    if (typeof ev === 'string') out.error(r.line, ev);
    else out.events.push(ev);
  };

  const push = (text: string, line: number) => {
    const o = parseJsonObject(text);
    if (typeof o === 'string') return out.error(line, o);
    if (o.kind !== 'Event' || typeof o.auditID !== 'string' || !o.auditID) {
      return out.error(line, `not an audit.k8s.io Event (kind ${JSON.stringify(o.kind)}, auditID ${o.auditID === undefined ? 'missing' : 'invalid'})`);
    }
    const id = o.auditID;
    if (done.has(id)) {
      out.merged++; // a late or repeated stage of a request already written
      return;
    }
    const rec: AuditRecord = { o, line, raw: text, requestObject: o.requestObject, responseObject: o.responseObject, mergedLines: [] };
    const prev = open.get(id);
    if (prev) {
      out.merged++;
      rec.requestObject ??= prev.requestObject;
      rec.responseObject ??= prev.responseObject;
      rec.mergedLines = [...prev.mergedLines, prev.line];
    }
    if (FINAL_STAGES.has(str(o.stage))) {
      open.delete(id);
      done.add(id);
      if (done.size > MAX_DONE) done.delete(done.values().next().value as string);
      emit(rec);
    } else {
      open.set(id, rec);
      if (open.size > MAX_OPEN) {
        const [oldId, oldest] = open.entries().next().value as [string, AuditRecord];
        open.delete(oldId);
        done.add(oldId);
        emit(oldest);
      }
    }
  };

  return {
    push,
    drain: () => out.take(),
    finish: () => {
      for (const r of open.values()) emit(r);
      open.clear();
      return out.take();
    },
  };
}

