// Claude Code session logs (~/.claude/projects/*/<session>.jsonl): one JSON entry per line with a timestamp
// and an Anthropic message; tool_use / tool_result blocks link by id.
import type { Importer } from '../types';
import { headLines, isObject, parseJsonObject, str } from '../common/json';
import { lineParser } from '../common/output';
import { anyTimeToNanos } from '../common/time';
import { messageEvents } from './blocks';

export function detectClaudeCode(head: string): number {
  const lines = headLines(head, 10);
  const hits = lines.filter((l) => /"sessionId"\s*:/.test(l) && /"type"\s*:\s*"(user|assistant|summary|system)"/.test(l)).length;
  return lines.length && hits / lines.length >= 0.3 ? 0.92 : 0;
}

export const claudeCode: Importer = {
  id: 'claude-code',
  label: 'Claude Code session',
  version: 1,
  mode: 'lines',
  detect: (head) => detectClaudeCode(head),
  createParser: () =>
    lineParser((text, line, out) => {
      const o = parseJsonObject(text);
      if (typeof o === 'string') return out.error(line, o);
      const type = str(o.type);
      if (type !== 'user' && type !== 'assistant') {
        out.merged++; // summaries and system entries carry no step of their own
        return;
      }
      const ts = anyTimeToNanos(o.timestamp);
      if (ts === undefined) return out.error(line, 'entry without a timestamp');
      if (!isObject(o.message)) return out.error(line, 'entry without a message');
      const agent = 'claude-code';
      const evs = messageEvents(o.message, { ts, line, pointer: '', agent, raw: text, extra: { sessionId: o.sessionId, uuid: o.uuid, cwd: o.cwd } });
      if (!evs.length) out.merged++;
      for (const e of evs) out.events.push(e);
    }),
};
