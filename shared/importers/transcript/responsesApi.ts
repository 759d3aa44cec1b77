// OpenAI Responses API items: an array of items, a response / request object holding `input` and `output`
// arrays, or JSON lines of either (API call logs, read line by line). Items carry no times of their own, so
// they are placed one second apart from an anchor, and every event says which: the response's own
// `created_at`, else the start time the user gave, else the epoch.
import type { Importer, ParseContext, RecordParser } from '../types';
import { headLines, isObject, safeStringify, type JsonObject } from '../common/json';
import type { OutputBuffer } from '../common/output';
import { jsonLinesOrDocumentParser } from '../common/jsonLinesOrDocument';
import { anyTimeToNanos } from '../common/time';
import { elementLines } from './elementLines';
import { responseItemEvents, type CallNames } from './responseItems';
import { conversationIdOf } from './conversationId';

const ITEM_TYPES = /"type"\s*:\s*"(function_call|function_call_output|custom_tool_call|output_text|input_text|reasoning|mcp_call)"/;

/** A line that is one bare item: its type comes first, as the API and SDKs serialise items. */
const ITEM_LINE = /^\{\s*"type"\s*:\s*"(message|function_call|function_call_output|custom_tool_call|custom_tool_call_output|reasoning|local_shell_call|local_shell_call_output|mcp_call|web_search_call|file_search_call|computer_call|computer_call_output)"/;

export function detectResponsesApi(head: string): number {
  const t = head.trimStart();
  const shaped = t[0] === '[' || (t[0] === '{' && /"(output|input)"\s*:\s*\[/.test(head));
  if (shaped && ITEM_TYPES.test(head)) return 0.9;
  // JSON lines of bare items (an SDK's saved input list).
  const lines = headLines(head, 20);
  const items = lines.filter((l) => ITEM_LINE.test(l)).length;
  return lines.length && items / lines.length >= 0.6 ? 0.85 : 0;
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
  const conversation = conversationIdOf(doc);
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
        extra: { ...conversation, anchoring: `item ${step}, 1 s apart from ${from}` },
      }, run.names);
      if (!evs.length) out.merged++;
      for (const e of evs) out.events.push(e);
    });
  }
}

/** One JSON-lines record: a single item, or a response / request with input and output arrays. */
function line(o: JsonObject, n: number, ctx: ParseContext, run: Run, out: OutputBuffer): void {
  const lists: Lists = o.type !== undefined || o.role !== undefined ? [['', [o]]] : listsOf(o);
  if (!lists.length) return out.error(n, 'neither a Responses API item nor an object with input / output arrays');
  emit(o, lists, () => n, ctx, run, out);
}

function document(doc: unknown, text: string, ctx: ParseContext, run: Run, out: OutputBuffer): void {
  const lists = listsOf(doc);
  if (!lists.length) return out.error(1, 'expected an array of Responses API items, or an object with input / output arrays');
  const lines = elementLines(text);
  emit(doc, lists, (key, i) => lines.get(key)?.[i] ?? 1, ctx, run, out);
}

export const responsesApi: Importer = {
  id: 'openai-responses',
  label: 'OpenAI Responses API items',
  version: 2,
  mode: 'lines',
  detect: (head) => detectResponsesApi(head),
  createParser(ctx): RecordParser {
    // Call names and the step count carry across the lines of an API call log.
    const run: Run = { names: new Map(), steps: 0 };
    return jsonLinesOrDocumentParser({
      label: 'Responses API document',
      line: (o, _text, n, out) => line(o, n, ctx, run, out),
      document: (doc, text, out) => document(doc, text, ctx, run, out),
    });
  },
};
