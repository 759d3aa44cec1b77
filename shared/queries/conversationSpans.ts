// Events of trace spans that name a conversation or session: how an untimed transcript that records its
// conversation id finds the spans of the same conversation (analysis/anchoring). Any span counts, not only
// the agent's: an OpenInference session often sits on CHAIN and LLM spans alone.
import type { Db } from '../db/db';
import { CONTROL_COLUMNS, toControlEvent, type ControlEvent, type ControlEventSql } from './controlEvents';

/** Span attributes that carry a conversation: the GenAI conventions' and OpenInference's (also `session.id` in OTel). */
export const CONVERSATION_KEYS = ['gen_ai.conversation.id', 'session.id'] as const;

/**
 * Span events whose attributes hold one of `ids` under a conversation key. The text search only narrows:
 * the caller checks the parsed attributes (see conversationOf).
 */
export async function getConversationSpans(db: Pick<Db, 'query'>, ids: readonly string[]): Promise<ControlEvent[]> {
  const needles = ids.flatMap((id) => CONVERSATION_KEYS.map((k) => `${JSON.stringify(k)}:${JSON.stringify(id)}`));
  if (!needles.length) return [];
  const rows = await db.query<ControlEventSql & Record<string, unknown>>(
    'anchoring.conversationSpans',
    `SELECT ${CONTROL_COLUMNS} FROM events WHERE span_id <> '' AND (${needles.map(() => 'contains(attributes, ?)').join(' OR ')}) ORDER BY ts, id LIMIT 10000`,
    needles,
  );
  return rows.map(toControlEvent);
}

/** The conversation key and id a span event's own (or its resource's) attributes carry, if one of `ids`. */
export function conversationOf(e: ControlEvent, ids: ReadonlySet<string>): { key: string; id: string } | undefined {
  for (const bag of [e.attrs.attributes, e.attrs.resource]) {
    if (!bag || typeof bag !== 'object') continue;
    for (const key of CONVERSATION_KEYS) {
      const v = (bag as Record<string, unknown>)[key];
      if (typeof v === 'string' && ids.has(v.trim())) return { key, id: v.trim() };
    }
  }
  return undefined;
}
