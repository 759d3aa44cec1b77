// Kubernetes CRI container logs (containerd, CRI-O): `<RFC3339Nano> <stdout|stderr> <P|F> <text>`.
// Partial (P) lines are joined into the full (F) line that ends them, counted as merged.
import type { ParsedEvent } from '../../model/event';
import type { Nanos } from '../../model/ids';
import { parseIsoNanos } from '../../model/time';
import type { Importer, ParseContext, RecordParser } from '../types';
import { headLines, safeStringify } from '../common/json';
import { OutputBuffer } from '../common/output';

const LINE = /^(\d{4}-\d{2}-\d{2}T\S+) (stdout|stderr) ([PF]) ?(.*)$/;
/** /var/log/containers/<pod>_<namespace>_<container>-<64 hex>.log */
const FILE_NAME = /^(.+?)_([^_]+)_(.+)-[0-9a-f]{64}\.log/;

export function detectCri(head: string): number {
  const lines = headLines(head, 30);
  if (!lines.length) return 0;
  const share = lines.filter((l) => LINE.test(l)).length / lines.length;
  return share >= 0.5 ? 0.6 + 0.35 * share : 0;
}

function createParser(ctx: ParseContext): RecordParser {
  const out = new OutputBuffer();
  const file = FILE_NAME.exec(ctx.name);
  const service = file ? file[3] : '';
  let partial: { line: number; ts: Nanos; text: string; raws: string[] } | undefined;
  const push = (text: string, line: number) => {
    const m = LINE.exec(text);
    const ts = m ? parseIsoNanos(m[1]) : undefined;
    if (!m || ts === undefined) return out.error(line, 'not a CRI log line (<time> <stdout|stderr> <P|F> <text>)');
    if (m[3] === 'P') {
      if (partial) out.merged++;
      partial = partial ? { ...partial, text: partial.text + m[4], raws: [...partial.raws, text] } : { line, ts, text: m[4], raws: [text] };
      return;
    }
    const first = partial;
    if (first) out.merged++;
    partial = undefined;
    const attrs: Record<string, unknown> = { stream: m[2] };
    if (file) Object.assign(attrs, { pod: file[1], namespace: file[2], container: file[3] });
    if (first) attrs.partialLines = first.raws.length;
    const ev: ParsedEvent = {
      sourceLine: first?.line ?? line, sourcePointer: '', ts: first?.ts ?? ts, endTs: null, kind: 'log',
      actor: service, actorType: service ? 'system' : 'unknown', service, resource: '', action: '',
      severity: m[2] === 'stderr' ? 'warn' : 'info', message: (first?.text ?? '') + m[4],
      traceId: '', spanId: '', parentSpanId: '', callId: '', attributes: safeStringify(attrs), raw: first ? [...first.raws, text].join('\n') : text,
    };
    out.events.push(ev);
  };
  return {
    push,
    drain: () => out.take(),
    finish: () => {
      // A file that ends inside a partial line: keep what was written.
      if (partial) {
        const p = partial;
        partial = undefined;
        out.events.push({
          sourceLine: p.line, sourcePointer: '', ts: p.ts, endTs: null, kind: 'log', actor: service, actorType: service ? 'system' : 'unknown', service,
          resource: '', action: '', severity: 'info', message: p.text, traceId: '', spanId: '', parentSpanId: '', callId: '',
          attributes: safeStringify({ partialLines: p.raws.length, unterminated: true }), raw: p.raws.join('\n'),
        });
      }
      return out.take();
    },
  };
}

export const criLog: Importer = {
  id: 'cri-log',
  label: 'Kubernetes CRI container log',
  version: 1,
  mode: 'lines',
  detect: (head) => detectCri(head),
  createParser,
};
