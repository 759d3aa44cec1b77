// Bare chat transcripts: an array of Anthropic or OpenAI messages, or `{"messages": [...]}`. They carry no
// times, so messages are placed one second apart from the anchor, in order, and say so in attributes.
import type { Importer, RecordParser } from '../types';
import { isObject, safeStringify } from '../common/json';
import { parseDocument } from '../common/document';
import { OutputBuffer } from '../common/output';
import { SpanLocator } from '../otlp/locate';
import { messageEvents } from './blocks';
import { conversationIdOf } from './conversationId';

export function detectChatArray(head: string): number {
  const t = head.trimStart();
  const shaped = t[0] === '[' || /^\{\s*"messages"\s*:/.test(t) || /"messages"\s*:\s*\[/.test(t.slice(0, 500));
  return shaped && /"role"\s*:\s*"(user|assistant|system|tool)"/.test(head) ? 0.85 : 0;
}

export const chatArray: Importer = {
  id: 'chat-messages',
  label: 'Anthropic / OpenAI chat messages',
  version: 3,
  mode: 'document',
  detect: (head) => detectChatArray(head),
  createParser(ctx): RecordParser {
    const out = new OutputBuffer();
    const anchor = ctx.anchorNs ?? 0n;
    return {
      push(text) {
        const doc = parseDocument(text, out);
        if (doc === undefined) return;
        const list = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.messages) ? doc.messages : undefined;
        if (!list) return out.error(1, 'expected an array of messages or {"messages": [...]}');
        const locator = new SpanLocator(text, 1, 'role');
        const base = Array.isArray(doc) ? '' : '/messages';
        const conversation = conversationIdOf(doc);
        list.forEach((m: unknown, i: number) => {
          if (!isObject(m)) return out.error(1, `${base}/${i} is not a message object`);
          const line = locator.lineOf(String(m.role)) ?? 1;
          const evs = messageEvents(m, {
            ts: anchor + BigInt(i) * 1_000_000_000n, line, pointer: `${base}/${i}`, agent: 'assistant', raw: safeStringify(m),
            extra: { ...conversation, anchoring: `message ${i}, 1 s apart from ${ctx.anchorNs === undefined ? 'the epoch (no anchor given)' : 'the given start time'}` },
          });
          if (!evs.length) out.merged++;
          for (const e of evs) out.events.push(e);
        });
      },
      drain: () => out.take(),
      finish: () => out.take(),
    };
  },
};
