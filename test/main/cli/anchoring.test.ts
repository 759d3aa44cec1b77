// `driftline analyze` places an untimed transcript from the audit record of its kubectl call, says so in the
// JSON and on stderr, and lets --start win.
import { describe, expect, it } from 'vitest';
import { analyzeJson } from './captureIo';

const DIR = 'test/fixtures/scenarios/anchoring';

describe('analyze: anchoring untimed transcripts', () => {
  it('anchors a chat array to the audit record of its kubectl call, in the JSON and on stderr', async () => {
    const { a, err } = await analyzeJson(`${DIR}/chat.json`, `${DIR}/audit.jsonl`);
    const chat = a.sources.find((s) => s.path === `${DIR}/chat.json`)!;
    expect(chat.anchoring?.basis).toBe('audit_record');
    // The user's message (index 1) is 3 s before the scale call (index 4).
    expect(chat.first_ts).toBe('2026-11-27T10:03:59.000Z');
    expect(err).toContain(`${DIR}/chat.json: no times in the file: anchored to the audit record of \`kubectl scale deployment payments -n prod --replicas=2\` at 10:04:02 (${DIR}/audit.jsonl:4)`);
    expect(err).toContain(`give --start ${DIR}/chat.json=<iso-time> to place it otherwise`);
    expect(err).not.toContain('has no times');
  });

  it('keeps --start over a matching audit record', async () => {
    const { a } = await analyzeJson(`${DIR}/chat.json`, `${DIR}/audit.jsonl`, '--start', 'chat.json=2026-11-27T09:00:00Z');
    const chat = a.sources.find((s) => s.path === `${DIR}/chat.json`)!;
    expect(chat.anchoring?.basis).toBe('start_given');
    expect(chat.first_ts).toBe('2026-11-27T09:00:01.000Z');
  });
});
