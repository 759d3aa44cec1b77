// OpenAI Responses API items: an array of items, or a response / request object holding `output` and
// `input` arrays. Items carry no times, so they are placed one second apart from an anchor, and every
// event says which: the start time the user gave, else the response's own `created_at`, else the epoch.
import type { Importer, ParseContext, RecordParser } from '../types';
import { isObject, safeStringify } from '../common/json';
import { parseDocument } from '../common/document';
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

function anchorOf(ctx: ParseContext, doc: unknown): { at: bigint; from: string } {
  if (ctx.anchorNs !== undefined) return { at: ctx.anchorNs, from: 'the given start time' };
  const created = isObject(doc) && typeof doc.created_at === 'number' ? anyTimeToNanos(doc.created_at) : undefined;
  if (created !== undefined) return { at: created, from: "the response's created_at" };
  return { at: 0n, from: 'the epoch (no anchor given)' };
}

function parse(text: string, ctx: ParseContext, out: OutputBuffer): void {
  const doc = parseDocument(text, out);
  if (doc === undefined) return;
  const lists: [string, unknown[]][] = Array.isArray(doc)
    ? [['', doc]]
    : isObject(doc)
      ? (['input', 'output'] as const).filter((k) => Array.isArray(doc[k])).map((k) => [k, doc[k] as unknown[]])
      : [];
  if (!lists.length) return out.error(1, 'expected an array of Responses API items, or an object with input / output arrays');
  const lines = elementLines(text);
  const { at, from } = anchorOf(ctx, doc);
  const names: CallNames = new Map();
  let index = 0;
  for (const [key, list] of lists) {
    const where = lines.get(key) ?? [];
    list.forEach((item, i) => {
      const pointer = `${key ? `/${key}` : ''}/${i}`;
      const line = where[i] ?? 1;
      if (!isObject(item)) return out.error(line, `${pointer} is not an item object`);
      const n = index++;
      const evs = responseItemEvents(item, {
        ts: at + BigInt(n) * SECOND, line, pointer, agent: 'assistant', raw: safeStringify(item),
        extra: { anchoring: `item ${n}, 1 s apart from ${from}` },
      }, names);
      if (!evs.length) out.merged++;
      for (const e of evs) out.events.push(e);
    });
  }
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
