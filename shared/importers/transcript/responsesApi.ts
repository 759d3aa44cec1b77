// OpenAI Responses API items: an array of items, a response / request object holding `input` and `output`
// arrays, or JSON lines of either (API call logs). Items carry no times of their own, so they are placed one
// second apart from an anchor, and every event says which: the response's own `created_at`, else the start
// time the user gave, else the epoch.
import type { Importer, ParseContext, RecordParser } from '../types';
import { isObject, parseJsonObject, safeStringify, shortReason } from '../common/json';
import { lineOfError } from '../common/document';
import { OutputBuffer } from '../common/output';
import { anyTimeToNanos } from '../common/time';
import { elementLines } from './elementLines';
import { responseItemEvents, type CallNames } from './responseItems';

const ITEM_TYPES = /"type"\s*:\s*"(function_call|function_call_output|custom_tool_call|output_text|input_text|reasoning|mcp_call)"/;

export function detectResponsesApi(head: string): number {
  const t = head.trimStart();
  const shaped = t[0] === '[' || (t[0] === '{' && /"(output|input)"\s*:\s*\[/.test(head));
  return shaped && ITEM_TYPES.test(head) ? 0.9 : 0;
}

const SECOND = 1_000_000_000n;

type Lists = [key: string, items: unknown[]][];

/** The item arrays of one document: a bare array, or a response / request object's input then output. */
function listsOf(doc: unknown): Lists {
  if (Array.isArray(doc)) return [['', doc]];
  if (!isObject(doc)) return [];
  return (['input', 'output'] as const).filter((k) => Array.isArray(doc[k])).map((k) => [k, doc[k] as unknown[]]);
}

/** Placement state across the documents of one file: the call names, and the step count from the given start. */
interface Run {
  names: CallNames;
  steps: number;
}

/**
 * A response's own created_at places its items (it is a time the file carries); otherwise they follow the
 * start time the user gave, or the epoch, one second apart.
 */
function emit(doc: unknown, lists: Lists, lineOf: (key: string, i: number) => number, ctx: ParseContext, run: Run, out: OutputBuffer): void {
  const created = isObject(doc) && typeof doc.created_at === 'number' ? anyTimeToNanos(doc.created_at) : undefined;
  let n = 0;
  for (const [key, list] of lists) {
    list.forEach((item, i) => {
      const pointer = `${key ? `/${key}` : ''}/${i}`;
      const line = lineOf(key, i);
      if (!isObject(item)) return out.error(line, `${pointer} is not an item object`);
      const step = created !== undefined ? n++ : run.steps++;
      const [at, from] = created !== undefined
        ? [created, "the response's created_at"]
        : ctx.anchorNs !== undefined ? [ctx.anchorNs, 'the given start time'] : [0n, 'the epoch (no anchor given)'];
      const evs = responseItemEvents(item, {
        ts: at + BigInt(step) * SECOND, line, pointer, agent: 'assistant', raw: safeStringify(item),
        extra: { anchoring: `item ${step}, 1 s apart from ${from}` },
      }, run.names);
      if (!evs.length) out.merged++;
      for (const e of evs) out.events.push(e);
    });
  }
}

function parse(text: string, ctx: ParseContext, out: OutputBuffer): void {
  const run: Run = { names: new Map(), steps: 0 };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const opener = text.split('\n', 64).find((l) => l.trim() !== '')?.trim() ?? '';
    if (opener[0] !== '{' || opener === '{') return out.error(lineOfError(text, e), `invalid JSON document: ${shortReason(e)}`);
    // JSON lines, as API call logs keep them: one response, request or item per line.
    text.split('\n').forEach((l, i) => {
      if (!l.trim()) return;
      const o = parseJsonObject(l);
      if (typeof o === 'string') return out.error(i + 1, o);
      const lists: Lists = o.type !== undefined || o.role !== undefined ? [['', [o]]] : listsOf(o);
      if (!lists.length) return out.error(i + 1, 'neither a Responses API item nor an object with input / output arrays');
      emit(o, lists, () => i + 1, ctx, run, out);
    });
    return;
  }
  const lists = listsOf(doc);
  if (!lists.length) return out.error(1, 'expected an array of Responses API items, or an object with input / output arrays');
  const lines = elementLines(text);
  emit(doc, lists, (key, i) => lines.get(key)?.[i] ?? 1, ctx, run, out);
}

export const responsesApi: Importer = {
  id: 'openai-responses',
  label: 'OpenAI Responses API items',
  version: 1,
  mode: 'document',
  detect: (head) => detectResponsesApi(head),
  createParser(ctx): RecordParser {
    const out = new OutputBuffer();
    return { push: (text) => parse(text, ctx, out), drain: () => out.take(), finish: () => out.take() };
  },
};
