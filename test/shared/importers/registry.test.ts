// Every fixture is detected as its own format, so adding a detector cannot silently steal another's files.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORTERS, detectFormat, importerById } from '../../../shared/importers/registry';
import { fixture } from './helpers';

const FOLDER_FORMAT: Record<string, string> = {
  'jsonl-log': 'jsonl-log', 'k8s-audit': 'k8s-audit', 'otlp-trace': 'otlp-trace', zipkin: 'zipkin', jaeger: 'jaeger', syslog: 'syslog',
  'cri-log': 'cri-log', 'text-log': 'text-log', cloudtrail: 'cloudtrail', 'azure-activity': 'azure-activity', 'k8s-events': 'k8s-events',
  alertmanager: 'alertmanager', 'otlp-log': 'otlp-log', logfmt: 'logfmt', csv: 'csv', 'gcp-audit': 'gcp-audit',
};
const TRANSCRIPTS: Record<string, string> = {
  'claude-session.jsonl': 'claude-code', 'openai-chat.json': 'chat-messages', 'openhands.json': 'openhands', 'run.traj': 'swe-agent',
  'codex-rollout.jsonl': 'codex-rollout', 'responses.json': 'openai-responses', 'responses-log.jsonl': 'openai-responses',
  'responses-items.jsonl': 'openai-responses', 'codex-legacy.jsonl': 'codex-rollout',
};

describe('importer registry', () => {
  it('has unique ids and finds each by id', () => {
    const ids = IMPORTERS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(importerById(id)?.id).toBe(id);
    expect(importerById('nope')).toBeUndefined();
  });

  it('detects every fixture as its own format', () => {
    const cases: [string, string][] = [];
    for (const [folder, id] of Object.entries(FOLDER_FORMAT)) for (const f of readdirSync(fixture(folder))) cases.push([path.join(folder, f), id]);
    for (const [f, id] of Object.entries(TRANSCRIPTS)) cases.push([path.join('transcripts', f), id]);
    for (const [rel, id] of cases) {
      if (rel.endsWith('lines.otlp.jsonl') || rel.endsWith('crlf-bom.jsonl')) continue; // covered by their own tests
      const text = readFileSync(fixture(rel), 'utf8').replace(/^\uFEFF/, '');
      expect(detectFormat(text, path.basename(rel)).importer?.id, rel).toBe(id);
    }
  });
});
