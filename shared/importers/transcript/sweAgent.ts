// SWE-agent trajectories (.traj): steps of thought, action and observation, without wall-clock times.
// Steps are placed from the anchor (or the epoch) using each step's execution_time when present, else 1 s
// apart, and every event says how it was placed.
import type { Importer, RecordParser } from '../types';
import { isObject, safeStringify, str } from '../common/json';
import { parseDocument } from '../common/document';
import { OutputBuffer } from '../common/output';
import { SpanLocator } from '../otlp/locate';
import { said, toolCall, toolResult } from './blocks';

const SECOND = 1_000_000_000n;

export function detectSweAgent(head: string, name: string): number {
  const shaped = /"trajectory"\s*:\s*\[/.test(head) && /"(action|observation|thought)"\s*:/.test(head);
  return shaped ? (name.endsWith('.traj') ? 0.95 : 0.85) : name.endsWith('.traj') ? 0.4 : 0;
}

export const sweAgent: Importer = {
  id: 'swe-agent',
  label: 'SWE-agent trajectory',
  version: 1,
  mode: 'document',
  detect: (head, name) => detectSweAgent(head, name),
  createParser(ctx): RecordParser {
    const out = new OutputBuffer();
    return {
      push(text) {
        const doc = parseDocument(text, out);
        if (doc === undefined) return;
        if (!isObject(doc) || !Array.isArray(doc.trajectory)) return out.error(1, 'not a SWE-agent trajectory (no trajectory array)');
        const anchored = ctx.anchorNs !== undefined;
        let t = ctx.anchorNs ?? 0n;
        const hist = Array.isArray(doc.history) ? doc.history.filter(isObject) : [];
        const task = hist.find((h) => h.role === 'user' && /issue|task/i.test(str(h.content)));
        const agent = 'swe-agent';
        const anchoring = (how: string) => ({ anchoring: `${how}, from ${anchored ? 'the given start time' : 'the epoch (no anchor given)'}` });
        if (task) out.events.push(said({ ts: t, line: 1, pointer: `/history/${hist.indexOf(task)}`, agent, raw: safeStringify(task), extra: anchoring('task before step 0') }, 'user', str(task.content)));
        const locator = new SpanLocator(text, 1, 'action');
        doc.trajectory.forEach((s: unknown, i: number) => {
          const pointer = `/trajectory/${i}`;
          if (!isObject(s)) return out.error(1, `${pointer} is not a step object`);
          const line = locator.nextLine() ?? 1;
          const secs = Number(s.execution_time);
          const took = Number.isFinite(secs) && secs >= 0 ? BigInt(Math.round(secs * 1e9)) : SECOND;
          const how = Number.isFinite(secs) ? `step ${i}, spaced by execution_time` : `step ${i}, 1 s apart`;
          const w = { ts: t, line, pointer, agent, raw: safeStringify(s), extra: { ...anchoring(how), thought: s.thought } };
          const callId = `step-${i}`;
          const action = str(s.action).trim();
          const call = toolCall(w, action.split(/\s+/)[0] || 'action', callId, { command: action });
          out.events.push(call);
          out.events.push(toolResult({ ...w, ts: t + took }, callId, s.observation));
          t += took + SECOND;
        });
      },
      drain: () => out.take(),
      finish: () => out.take(),
    };
  },
};
