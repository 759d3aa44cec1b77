import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { addNote } from '../../../shared/annotations';
import { EXPORT_FORMATS, exportAs, loadExportInput, type ExportInput } from '../../../shared/export';
import { maskSecrets, PeopleMap } from '../../../shared/redaction';
import { ANALYSIS, loadIncident } from '../../fixtures/export/incident';
import { annotateIncident } from '../../fixtures/export/annotate';

// AWS's documented example credentials and made-up tokens: realistic shapes, no real secrets.
const AWS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const BEARER = 'sk-live-9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMtYWdlbnQifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const PASSWORD = 'hunter2-Secr3t!';
const GH = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
const PRIVATE_KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq\n-----END RSA PRIVATE KEY-----';
const SECRETS = [AWS_KEY, AWS_SECRET, BEARER, JWT, PASSWORD, GH, 'MIIEowIBAAKCAQEA7bq'];
const EMAILS = ['alice@example.com', 'bob@example.com', 'carol@example.com', 'dave@corp.example'];

const SECRET_LINES = [
  `export AWS_ACCESS_KEY_ID=${AWS_KEY} AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`,
  `curl -H "Authorization: Bearer ${BEARER}" https://payments.internal/health`,
  `session token ${JWT} rejected for dave@corp.example`,
  `{"db":{"user":"payments","password":"${PASSWORD}"}} git token ${GH}`,
  `mounted key ${PRIVATE_KEY}`,
];

describe('standard redaction on every export', () => {
  let db: Db;
  let input: ExportInput;
  let full: ExportInput;
  beforeAll(async () => {
    db = await openNodeDb();
    await migrate(db);
    await loadIncident(db);
    await annotateIncident(db);
    const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
    for (const [i, line] of SECRET_LINES.entries()) {
      const id = 100 + i;
      await db.exec('t', `INSERT INTO events (id, source_id, source_line, source_pointer, ts, kind, actor, actor_type, service, resource, action, severity, message, attributes)
        VALUES (${id}, 3, ${500 + i}, '', ${1795773000000000000n + BigInt(i) * 1000000000n}, 'log', '', 'unknown', 'payments', '', '', 'warn', ${q(line)}, ${q(JSON.stringify({ line }))})`);
      await db.exec('t', `INSERT INTO raw_records VALUES (${id}, ${q(JSON.stringify({ msg: line }))})`);
      await addNote(db, { type: 'event', id: String(id) }, { bodyMd: `alice saw this: ${line}` }, { author: 'carol@example.com', at: '2026-11-28T09:30:00.000Z' });
    }
    input = await loadExportInput(db, ANALYSIS, { generatedAt: '2026-11-28T10:00:00.000Z', timeline: 'cited' });
    full = await loadExportInput(db, ANALYSIS, { generatedAt: '2026-11-28T10:00:00.000Z', timeline: 'all' });
  });
  afterAll(() => db.close());

  it('the unredacted exports do contain the secrets (so the check below means something)', () => {
    const md = exportAs('md', input, 'none');
    for (const s of [AWS_KEY, BEARER, 'alice@example.com', 'dave@corp.example']) expect(md).toContain(s);
  });

  for (const format of EXPORT_FORMATS) {
    it(`${format}: no AWS key, token, password, private key, email or person's name survives`, () => {
      const text = exportAs(format, format === 'csv' || format === 'timesketch' ? full : input, 'standard');
      for (const s of [...SECRETS, ...EMAILS]) expect(text, s).not.toContain(s);
      expect(text).not.toMatch(/\b(alice|bob|carol|dave)\b/i);
      expect(text).toContain('standard');
    });
  }

  it('replaces each person by the same role everywhere and says what was done', () => {
    const md = exportAs('md', input, 'standard');
    expect(md).toContain('changed by human-1 (context 6m55s old)');
    expect(md).toContain('The agent was stopped at 10:14:00 by human-2');
    expect(md).toContain('(investigator-1, 2026-11-28T09:02:00.000Z, v2)');
    expect(md).toContain('**Redaction profile: standard**: secrets masked');
    expect(md).toContain('\\[REDACTED:aws-access-key\\]');
    const json = JSON.parse(exportAs('json', input, 'standard'));
    expect(json.export.redaction).toMatchObject({ profile: 'standard', people_replaced: 4 }) // alice, bob, dave (found in text), carol (investigator);
    expect(json.export.redaction.secrets_masked).toBeGreaterThanOrEqual(7);
    expect(json.raw_records).toEqual([]);
    expect(json.actors.map((a: { name: string }) => a.name)).toEqual(['ops-agent', 'human-1', 'human-2']);
    // Hashes stay: a reader must still be able to check the evidence files.
    expect(json.sources[0].sha256).toBe('a'.repeat(64));
  });
});

describe('secret patterns', () => {
  it.each([
    [`key ${AWS_KEY}`, 'key [REDACTED:aws-access-key]'],
    [`aws_secret_access_key = ${AWS_SECRET}`, 'aws_secret_access_key = [REDACTED:aws-secret-key]'],
    [`Authorization: Bearer ${BEARER}`, 'Authorization: Bearer [REDACTED:token]'],
    [JWT, '[REDACTED:jwt]'],
    [`{"password":"${PASSWORD}","user":"x"}`, '{"password":"[REDACTED:secret]","user":"x"}'],
    [`{\\"api_key\\":\\"abc123def\\"}`, '{\\"api_key\\":\\"[REDACTED:secret]\\"}'],
    ['DB_PASSWORD=s3cr3t other=1', 'DB_PASSWORD=[REDACTED:secret] other=1'],
    ['postgres://app:pa55w0rd@db:5432/x', 'postgres://app:[REDACTED:password]@db:5432/x'],
    [PRIVATE_KEY, '[REDACTED:private-key]'],
    [`token: ${GH}`, 'token: [REDACTED:github-token]'],
  ])('masks %s', (text, expected) => {
    expect(maskSecrets(text).text).toBe(expected);
  });

  it('leaves hashes, times, resource keys and token counts alone', () => {
    const text = `sha256 ${'ab'.repeat(32)} at 2026-11-27T10:07:00.000Z on k8s:prod/secret/db-password input_tokens=1200`;
    expect(maskSecrets(text)).toEqual({ text, count: 0 });
  });

  it('maps people to stable roles and finds unknown emails', () => {
    const p = new PeopleMap();
    expect(p.add('alice@example.com', 'human')).toBe('human-1');
    expect(p.add('Alice@Example.com', 'human')).toBe('human-1');
    expect(p.replaceIn('alice@example.com paged Alice; eve@x.org joined; malice unaffected')).toBe('human-1 paged human-1; human-2 joined; malice unaffected');
  });
});
