// The conversation or session a transcript belongs to, as its wrapper names it, kept on every event so an
// untimed transcript can be placed by a trace span of the same conversation (analysis/anchoring).
import { isObject, str, type JsonObject } from '../common/json';

/**
 * `{conversationId}` for the Responses API's `conversation` (`"conv_…"` or `{"id": "conv_…"}`) and the
 * `conversation_id` spellings, `{sessionId}` for the `session_id` ones, looked for at the top and in
 * `metadata`; empty when the transcript names neither.
 */
export function conversationIdOf(doc: unknown): JsonObject {
  if (!isObject(doc)) return {};
  for (const o of [doc, isObject(doc.metadata) ? doc.metadata : {}]) {
    const conv = isObject(o.conversation) ? str(o.conversation.id) : str(o.conversation);
    const conversationId = (conv || str(o.conversation_id) || str(o.conversationId)).trim();
    if (conversationId) return { conversationId };
    const sessionId = (str(o.session_id) || str(o.sessionId)).trim();
    if (sessionId) return { sessionId };
  }
  return {};
}
