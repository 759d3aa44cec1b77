import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { exportAs, loadExportInput, type ExportInput } from '../../../shared/export';
import { escapeMd, csvField } from '../../../shared/export/escape';
import { CSV_COLUMNS } from '../../../shared/export/csv';
import { ANALYSIS, loadIncident, XSS } from '../../fixtures/export/incident';
import { annotateIncident } from '../../fixtures/export/annotate';
import { expectGolden } from './golden';

const generatedAt = '2026-11-28T10:00:00.000Z';

/** Minimal RFC 4180 reader, to check the CSV by parsing it rather than by looking at it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  return rows;
}

describe('exports of the fixture incident', () => {
  let db: Db;
  let cited: ExportInput;
  let all: ExportInput;
  beforeAll(async () => {
    db = await openNodeDb();
    await migrate(db);
    await loadIncident(db);
    await annotateIncident(db);
    cited = await loadExportInput(db, ANALYSIS, { generatedAt, timeline: 'cited' });
    all = await loadExportInput(db, ANALYSIS, { generatedAt, timeline: 'all' });
  });
  afterAll(() => db.close());

  it('Markdown postmortem matches its golden file', () => {
    expectGolden('postmortem.golden.md', exportAs('md', cited, 'none'));
  });

  it('JSON export matches its golden file and is driftline.analysis/v1 plus annotations', () => {
    const text = exportAs('json', cited, 'none');
    expectGolden('analysis.golden.json', text);
    const doc = JSON.parse(text);
    expect(doc.schema).toBe('driftline.analysis/v1');
    expect(doc.divergences).toEqual(ANALYSIS.divergences);
    expect(doc.export.redaction.profile).toBe('none');
    expect(doc.annotations.history.filter((a: { id: string }) => a.id === 'note-1').map((a: { version: number }) => a.version)).toEqual([1, 2]);
    expect(doc.raw_records.length).toBeGreaterThan(0);
  });

  it('the Markdown carries the sections a postmortem needs, from the data', () => {
    const md = exportAs('md', cited, 'none');
    expect(md).toMatch(/## Summary\n\nops-agent acted on k8s:prod\/deployment\/payments at 10:07:00/);
    expect(md).toContain('changed by alice@example.com (context 6m55s old)');
    expect(md).toContain('## Causal chain (3 of 5 links confirmed)');
    expect(md).toMatch(/rejected: bob scales ops-agent to 0 → bob scales payments to 12: recovery came from restoring replicas/);
    expect(md).toContain('| `k8s:prod/deployment/payments` | stale_context | 10:07:00 | spec.replicas = 6 (read 10:00:05) | spec.replicas = 12 (since 10:03:00) | 6m55s | alice@example.com |');
    expect(md).toContain('- Had ops-agent re-read k8s:prod/deployment/payments in the 4m00s before acting: it would have seen spec.replicas = 12 instead of 6');
    expect(md).toMatch(/\*\*root cause\*\*: divergence div-1: acted on a 6m55s old read/);
    expect(md).toContain('| 10:13:00 | manual | bob@example.com | — | on-call decided to stop the agent | manual |');
    expect(md).toContain('| `k8s-audit.jsonl` | k8s-audit | 90061 | 5 | `' + 'b'.repeat(64) + '` |');
    expect(md).toContain('| `k8s-audit.jsonl:31` | 10:03:00 | patch deployments/payments/scale replicas=12 |');
    expect(md).toContain('**Redaction profile: none**');
  });

  it('keeps markup from evidence inert in Markdown, HTML and JSON', () => {
    const md = exportAs('md', cited, 'none');
    const html = exportAs('html', cited, 'none');
    const json = exportAs('json', cited, 'none');
    for (const doc of [md, html, json]) {
      expect(doc).not.toContain('<img');
      expect(doc).not.toContain('</script>');
      expect(doc).not.toContain('<script');
    }
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;/script&gt;');
    expect(JSON.parse(json).annotations.current.some((a: { body_md: string }) => a.body_md.includes(XSS))).toBe(true);
    expect(escapeMd('# a|b\n# h *x* [l](u)')).toBe('\\# a\\|b # h \\*x\\* \\[l\\](u)');
  });

  it('HTML is one self-contained file: inline style and SVG, no scripts, no external URLs', () => {
    const html = exportAs('html', cited, 'none');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).toMatch(/<figure><svg [\s\S]+<\/svg><\/figure>/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|<iframe|<img|src=["']?http|href=["']?http|url\(http|@import/i);
    expect(html).toContain('Redaction profile: <strong>none</strong>');
    expect(html).toContain('on-call decided to stop the agent');
  });

  it('SVG draws the chain nodes with escaped labels', () => {
    // Labels are cut at 48 characters: put the markup first so it reaches the drawing.
    const svg = exportAs('svg', { ...cited, events: cited.events.map((e) => (e.id === 7 ? { ...e, message: XSS } : e)) }, 'none');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect((svg.match(/<circle /g) ?? []).length).toBeGreaterThanOrEqual(8);
    expect(svg).toMatch(/<rect [^>]*rotate\(45/); // the divergence
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img');
  });

  it('CSV parses back (RFC 4180) to one row per event with the fields intact', () => {
    const csv = exportAs('csv', all, 'none');
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.length - 1).toBe(all.events.length);
    const xss = rows.find((r) => r[2] === '7')!;
    expect(xss[CSV_COLUMNS.indexOf('message')]).toBe(`503 connection pool exhausted | upstream body: ${XSS}`);
    expect(xss[CSV_COLUMNS.indexOf('notes')]).toContain('carol@example.com: Upstream echoed markup');
    expect(rows.find((r) => r[3] === 'manual')?.[CSV_COLUMNS.indexOf('source')]).toBe('manual');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('-5')).toBe('-5');
  });

  it('Timesketch lines have message, datetime, timestamp (µs) and timestamp_desc', () => {
    const lines = exportAs('timesketch', all, 'none').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBe(all.events.length);
    const alice = lines.find((l) => l.driftline_event_id === 3);
    expect(alice).toMatchObject({
      message: 'patch deployments/payments/scale replicas=12', datetime: '2026-11-27T10:03:00.000000+00:00',
      timestamp: Date.parse('2026-11-27T10:03:00Z') * 1000, timestamp_desc: 'API Request', source_file: 'k8s-audit.jsonl', source_line: 31,
      actor: 'alice@example.com', redaction_profile: 'none',
    });
  });
});
