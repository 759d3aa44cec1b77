import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocumentsService, type DocumentDialogs } from '../../../main/services/documents';

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'driftline-docs-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const bytes = (s: string) => new TextEncoder().encode(s);

function dialogs(savePath?: string, openPath?: string): DocumentDialogs & { seen: unknown[] } {
  const seen: unknown[] = [];
  return {
    seen,
    async save(name, filters) {
      seen.push({ name, filters });
      return savePath;
    },
    async open(filters) {
      seen.push({ filters });
      return openPath;
    },
  };
}

describe('documents service', () => {
  it('saveAs writes to the chosen path and returns it; writeTo may then overwrite it', async () => {
    const target = path.join(scratch(), 'incident.driftline');
    const docs = createDocumentsService(dialogs(target));
    expect(await docs.saveAs('incident.driftline', bytes('v1'), [{ name: 'Driftline', extensions: ['driftline'] }])).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('v1');
    await docs.writeTo(target, bytes('v2'));
    expect(readFileSync(target, 'utf8')).toBe('v2');
  });

  it('returns null and writes nothing when the save dialog is cancelled', async () => {
    let wrote = false;
    const docs = createDocumentsService(dialogs(undefined), { write: async () => void (wrote = true) });
    expect(await docs.saveAs('x.md', bytes('x'), [])).toBeNull();
    expect(wrote).toBe(false);
  });

  it('refuses writeTo a path the user did not choose in a dialog', async () => {
    const victim = path.join(scratch(), 'victim.txt');
    writeFileSync(victim, 'precious');
    const docs = createDocumentsService(dialogs());
    await expect(docs.writeTo(victim, bytes('pwned'))).rejects.toMatchObject({ kind: 'denied' });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('open returns the bytes, name and path, and allows saving back to it', async () => {
    const file = path.join(scratch(), 'case.driftline');
    writeFileSync(file, 'saved investigation');
    const docs = createDocumentsService(dialogs(undefined, file));
    const opened = await docs.open([{ name: 'Driftline', extensions: ['driftline'] }]);
    expect(opened?.name).toBe('case.driftline');
    expect(opened?.path).toBe(file);
    expect(new TextDecoder().decode(opened?.data)).toBe('saved investigation');
    await docs.writeTo(file, bytes('updated'));
    expect(readFileSync(file, 'utf8')).toBe('updated');
  });

  it('reports each investigation saved or opened through a dialog, with its size, and nothing on cancel', async () => {
    const dir = scratch();
    const saved = path.join(dir, 'saved.driftline');
    const opened = path.join(dir, 'opened.driftline');
    writeFileSync(opened, 'x');
    const seen: [string, number][] = [];
    const docs = createDocumentsService(dialogs(saved, opened), { onDocument: (f, size) => seen.push([f, size]) });
    await docs.saveAs('saved.driftline', bytes('yy'), []);
    await docs.open([]);
    await createDocumentsService(dialogs(), { onDocument: (f, size) => seen.push([f, size]) }).open([]);
    expect(seen).toEqual([
      [saved, 2],
      [opened, 1],
    ]);
  });

  it('does not report exports as recent investigations (a report is not reopened)', async () => {
    const report = path.join(scratch(), 'incident.md');
    const seen: string[] = [];
    const docs = createDocumentsService(dialogs(report, report), { onDocument: (f) => seen.push(f) });
    await docs.saveAs('incident.md', bytes('# report'), [{ name: 'Markdown', extensions: ['md'] }]);
    await docs.open([]);
    expect(seen).toEqual([]);
  });

  it('reopens an investigation without a dialog (the recent list) and allows saving back; other files are refused', async () => {
    const dir = scratch();
    const file = path.join(dir, 'case.driftline');
    writeFileSync(file, 'sealed');
    const d = dialogs();
    const docs = createDocumentsService(d);
    expect(await docs.reopen(file)).toEqual({ path: file, name: 'case.driftline', data: bytes('sealed') });
    expect(d.seen).toEqual([]);
    await docs.writeTo(file, bytes('autosaved'));
    expect(readFileSync(file, 'utf8')).toBe('autosaved');
    const other = path.join(dir, 'notes.txt');
    writeFileSync(other, 'private');
    await expect(docs.reopen(other)).rejects.toMatchObject({ kind: 'denied', message: 'notes.txt is not a Driftline investigation (.driftline).' });
    await expect(docs.writeTo(other, bytes('x'))).rejects.toMatchObject({ kind: 'denied' });
    await expect(docs.reopen(path.join(dir, 'gone.driftline'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('returns null when the open dialog is cancelled', async () => {
    expect(await createDocumentsService(dialogs()).open([])).toBeNull();
  });

  it('rejects data that is not bytes and drops malformed filters', async () => {
    const d = dialogs(path.join(scratch(), 'a.json'));
    const docs = createDocumentsService(d);
    await expect(docs.saveAs('a.json', 'text' as unknown as Uint8Array, [])).rejects.toMatchObject({ kind: 'invalid' });
    await docs.saveAs('a.json', bytes('{}'), [{ name: 'JSON', extensions: ['json', 7] }, { bogus: true }] as never);
    expect(d.seen.at(-1)).toEqual({ name: 'a.json', filters: [{ name: 'JSON', extensions: ['json'] }] });
  });
});
