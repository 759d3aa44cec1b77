import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { parseExportArgs, runExport } from '../../../main/cli/exportCommand';
import { runSave } from '../../../main/cli/saveCommand';
import { CliError } from '../../../main/cli/io';
import { migrate } from '../../../shared/db/schema';
import { saveInvestigation, decodeContainer } from '../../../shared/investigation';
import { ANALYSIS, loadIncident } from '../../fixtures/export/incident';
import { annotateIncident } from '../../fixtures/export/annotate';
import { captureIo, repoRoot } from './captureIo';

describe('driftline export', () => {
  let dir: string;
  let caseFile: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'driftline-export-'));
    caseFile = path.join(dir, 'case.driftline');
    const db = await openNodeDb();
    await migrate(db);
    await loadIncident(db);
    await annotateIncident(db);
    writeFileSync(caseFile, await saveInvestigation(db, { appVersion: '0.1.0', savedAt: '2026-11-28T11:00:00.000Z', analysis: ANALYSIS }));
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a Markdown postmortem, redacted with the standard profile unless told otherwise', async () => {
    const io = captureIo(dir);
    expect(await runExport(['case.driftline', '--format', 'md'], io)).toBe(0);
    expect(io.out).toContain('# Postmortem: stale context incident, 2026-11-27');
    expect(io.out).toContain('**Redaction profile: standard**');
    expect(io.out).toContain('changed by human-1');
    expect(io.out).not.toContain('alice@example.com');
    expect(io.out).toContain(`Investigation file sha256 \`${decodeContainer(readFileSync(caseFile)).manifest.sha256}\``);
  });

  it('writes the chosen format to --out, unredacted with --redact none', async () => {
    const io = captureIo(dir);
    expect(await runExport(['case.driftline', '--format=html', '--redact', 'none', '--out', 'report.html'], io)).toBe(0);
    expect(io.out).toBe('');
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('alice@example.com');
    expect(io.err).toContain('wrote report.html (html, redaction none)');
  });

  it('exports every event to CSV and Timesketch', async () => {
    const io = captureIo(dir);
    await runExport(['case.driftline', '-f', 'timesketch', '--redact', 'none'], io);
    expect(io.out.trimEnd().split('\n')).toHaveLength(13); // 12 fixture events + 1 manual
    const csv = captureIo(dir);
    await runExport(['case.driftline', '-f', 'csv'], csv);
    expect(csv.out.split('\r\n').filter(Boolean)).toHaveLength(14);
  });

  it('refuses an altered file (exit 4) unless --allow-altered, which warns', async () => {
    const bytes = new Uint8Array(readFileSync(caseFile));
    // Change one letter of an event's message inside the events table section: still valid Arrow.
    const at = Buffer.from(bytes).indexOf('pool exhausted');
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'P'.charCodeAt(0);
    writeFileSync(path.join(dir, 'altered.driftline'), bytes);
    const err = await runExport(['altered.driftline', '--format', 'json'], captureIo(dir)).catch((e) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(err.exitCode).toBe(4);
    expect(err.message).toMatch(/altered after it was saved: table:events no longer matches/);
    const io = captureIo(dir);
    expect(await runExport(['altered.driftline', '--format', 'csv', '--allow-altered', '--redact', 'none'], io)).toBe(0);
    expect(io.err).toContain('warning: altered.driftline was altered after saving (table:events)');
    expect(io.out).toContain('503 connection Pool exhausted');
  });

  it('warns when an evidence file next to the case changed since import', async () => {
    writeFileSync(path.join(dir, 'app-logs.jsonl'), '{"msg":"not the imported file"}\n');
    const io = captureIo(dir);
    expect(await runExport(['case.driftline', '--format', 'md'], io)).toBe(0);
    expect(io.err).toContain('warning: 0/1 evidence files found on disk match the recorded sha256; changed since import: app-logs.jsonl');
    rmSync(path.join(dir, 'app-logs.jsonl'));
  });

  it('rejects bad arguments with one clear line', () => {
    expect(() => parseExportArgs(['a.driftline'])).toThrow(/needs --format/);
    expect(() => parseExportArgs(['a.driftline', '--format', 'pdf'])).toThrow(/unknown --format "pdf"/);
    expect(() => parseExportArgs(['a.driftline', '--format', 'md', '--redact', 'most'])).toThrow(/unknown --redact profile "most"/);
    expect(() => parseExportArgs(['--format', 'md'])).toThrow(/exactly one .driftline file/);
  });

  it('save + export of the sample incident: the headline finding survives the file', async () => {
    const sample = path.join(repoRoot, 'assets/samples/payments-scale-down');
    if (!existsSync(sample)) {
      console.warn('skipped: sample incident not present');
      return;
    }
    const out = path.join(dir, 'sample.driftline');
    expect(await runSave([sample, '--out', out], captureIo(repoRoot))).toBe(0);
    const io = captureIo(repoRoot);
    expect(await runExport([out, '--format', 'json', '--redact', 'none'], io)).toBe(0);
    const doc = JSON.parse(io.out);
    expect(doc.schema).toBe('driftline.analysis/v1');
    const stale = doc.divergences.find((d: { kind: string }) => d.kind === 'stale_context');
    expect(stale?.resource).toBe('k8s:prod/deployment/payments');
    expect(stale?.actual.changed_by).toBe('alice@example.com');
    expect(doc.sources.map((s: { path: string }) => path.basename(s.path)).sort()).toEqual(expect.arrayContaining(['app-logs.jsonl', 'k8s-audit.jsonl']));
  });
});
