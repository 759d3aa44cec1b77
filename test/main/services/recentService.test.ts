// The recent list's host capability with the real files and documents services over a temp folder, and
// fake dialogs: reopen without a dialog, only what the list holds, moved files in words, Locate…, the menu.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocumentsService } from '../../../main/services/documents';
import { createFilesService } from '../../../main/services/files';
import { createRecentStore } from '../../../main/services/recent';
import { createRecentService, recentDialogs, type RecentDialogs } from '../../../main/services/recentService';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup(dialogs: Partial<RecentDialogs> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'driftline-recent-svc-'));
  dirs.push(dir);
  const store = createRecentStore(path.join(dir, 'recent.json'));
  let picks: string[] = [];
  const files = createFilesService(async () => picks, { onEvidence: (chosen, picked) => void store.add('evidence', chosen, picked.reduce((n, f) => n + f.size, 0)) });
  let openPath: string | undefined;
  const documents = createDocumentsService({ save: async () => undefined, open: async () => openPath }, { onDocument: (f, size) => void store.add('investigation', [f], size) });
  const asked: string[][] = [];
  const recent = createRecentService({
    store,
    files,
    documents,
    dialogs: {
      locateInvestigation: async () => undefined,
      locateEvidence: async () => [],
      askMissing: async (_entry, missing) => (asked.push(missing), 'cancel'),
      ...dialogs,
    },
  });
  const at = (...p: string[]) => path.join(dir, ...p);
  return { dir, at, store, files, documents, recent, asked, pick: (p: string[]) => (picks = p), openWith: (p: string) => (openPath = p) };
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('recent list service', () => {
  it('reopens an investigation opened earlier through the dialog, by id, and allows saving back to it', async () => {
    const s = setup();
    writeFileSync(s.at('case.driftline'), 'sealed investigation');
    s.openWith(s.at('case.driftline'));
    await s.documents.open([]);
    await s.store.written();
    const [entry] = await s.recent.list();
    expect(entry).toMatchObject({ kind: 'investigation', name: 'case.driftline', paths: [s.at('case.driftline')], size: 20 });
    expect(entry.missing).toBeUndefined();

    // A fresh session (restart): only the list knows the file, no dialog ran.
    const docs = createDocumentsService({ save: async () => undefined, open: async () => undefined });
    const again = createRecentService({ store: createRecentStore(path.join(s.dir, 'recent.json')), files: s.files, documents: docs, dialogs: {} as RecentDialogs });
    const reopened = await again.open(entry.id);
    expect(reopened).toMatchObject({ kind: 'investigation', name: 'case.driftline', path: s.at('case.driftline') });
    expect(reopened.kind === 'investigation' && text(reopened.data)).toBe('sealed investigation');
    await docs.writeTo(s.at('case.driftline'), new TextEncoder().encode('autosaved'));
    expect(readFileSync(s.at('case.driftline'), 'utf8')).toBe('autosaved');
  });

  it('reopens picked evidence by importing it again: a folder is expanded anew, so files added since come too', async () => {
    const s = setup();
    mkdirSync(s.at('logs'));
    writeFileSync(s.at('logs', 'app.jsonl'), '{"a":1}\n');
    writeFileSync(s.at('audit.jsonl'), '{}\n');
    s.pick([s.at('logs'), s.at('audit.jsonl')]);
    await s.files.pickEvidence();
    await s.store.written();
    writeFileSync(s.at('logs', 'later.jsonl'), '{"b":2}\n');
    const [entry] = await s.recent.list();
    expect(entry).toMatchObject({ kind: 'evidence', name: 'logs and 1 more', paths: [s.at('logs'), s.at('audit.jsonl')] });

    const reopened = await s.recent.open(entry.id);
    if (reopened.kind !== 'evidence') throw new Error('expected evidence');
    expect(reopened.files.map((f) => path.relative(s.dir, f.path))).toEqual([path.join('logs', 'app.jsonl'), path.join('logs', 'later.jsonl'), 'audit.jsonl']);
    expect(text(await s.files.readChunk(reopened.files[1].handle, 0, 100))).toBe('{"b":2}\n');
    expect((await s.recent.list())[0].size).toBe(8 + 8 + 3);
  });

  it('opens nothing that is not in its own list: paths and made-up ids are refused', async () => {
    const s = setup();
    writeFileSync(s.at('secret.driftline'), 'not yours');
    for (const id of [s.at('secret.driftline'), '/etc/passwd', 'made-up', 42 as unknown as string]) {
      await expect(s.recent.open(id)).rejects.toMatchObject({ kind: 'invalid', message: 'That item is no longer in the recent list.' });
      await expect(s.recent.locate(id)).rejects.toMatchObject({ kind: 'invalid' });
    }
    await expect(s.documents.writeTo(s.at('secret.driftline'), new Uint8Array(1))).rejects.toMatchObject({ kind: 'denied' });
  });

  it('says in words when a file was moved or deleted, then removes it from the list on request', async () => {
    const s = setup();
    writeFileSync(s.at('gone.driftline'), 'x');
    const entry = await s.store.add('investigation', [s.at('gone.driftline')]);
    rmSync(s.at('gone.driftline'));
    const [listed] = await s.recent.list();
    expect(listed.missing).toEqual([s.at('gone.driftline')]);
    await expect(s.recent.open(entry.id)).rejects.toMatchObject({
      kind: 'not-found',
      message: `gone.driftline was moved or deleted: it is no longer at ${s.at('gone.driftline')}. Remove it from the list, or Locate… it where it is now.`,
    });
    await s.recent.remove(entry.id);
    expect(await s.recent.list()).toEqual([]);
  });

  it('names the missing part of evidence, and an emptied folder', async () => {
    const s = setup();
    mkdirSync(s.at('empty'));
    writeFileSync(s.at('a.jsonl'), '{}\n');
    const partly = await s.store.add('evidence', [s.at('a.jsonl'), s.at('b.jsonl')]);
    await expect(s.recent.open(partly.id)).rejects.toMatchObject({ kind: 'not-found', message: expect.stringContaining(`1 of its 2 files and folders are gone (${s.at('b.jsonl')})`) });
    const emptied = await s.store.add('evidence', [s.at('empty')]);
    await expect(s.recent.open(emptied.id)).rejects.toMatchObject({ kind: 'not-found', message: expect.stringMatching(/^empty no longer holds any files\. Remove it from the list, or Locate…/) });
  });

  it('Locate… points the entry at the chosen file under the same id; a non-investigation or a cancel changes nothing', async () => {
    let answer: string | undefined;
    const previous: string[] = [];
    const s = setup({ locateInvestigation: async (p) => (previous.push(p), answer) });
    const entry = await s.store.add('investigation', [s.at('old', 'case.driftline')]);
    expect(await s.recent.locate(entry.id)).toBeNull();
    expect(previous).toEqual([s.at('old', 'case.driftline')]);

    writeFileSync((answer = s.at('notes.md')), '# not an investigation');
    await expect(s.recent.locate(entry.id)).rejects.toMatchObject({ kind: 'invalid', message: 'notes.md is not a Driftline investigation: choose a .driftline file.' });
    expect(s.store.get(entry.id)?.paths).toEqual([s.at('old', 'case.driftline')]);

    writeFileSync((answer = s.at('case.driftline')), 'moved here');
    expect(await s.recent.locate(entry.id)).toMatchObject({ id: entry.id, paths: [s.at('case.driftline')], size: 10 });
    const reopened = await s.recent.open(entry.id);
    expect(reopened.kind === 'investigation' && text(reopened.data)).toBe('moved here');
  });

  it('Locate… for evidence picks again and keeps the entry', async () => {
    const s = setup({ locateEvidence: async () => [s.at('new.jsonl')] });
    writeFileSync(s.at('new.jsonl'), '{}\n');
    const entry = await s.store.add('evidence', [s.at('old.jsonl')]);
    expect(await s.recent.locate(entry.id)).toMatchObject({ id: entry.id, name: 'new.jsonl', paths: [s.at('new.jsonl')] });
    expect((await s.recent.open(entry.id)).kind).toBe('evidence');
  });

  it('File ▸ Open Recent: opens what is there in the window, asks about what is gone and does what the person chose', async () => {
    let choice: 'locate' | 'remove' | 'cancel' = 'cancel';
    const asked: string[] = [];
    const s = setup({ askMissing: async (e) => (asked.push(e.name), choice), locateInvestigation: async () => s.at('found.driftline') });
    writeFileSync(s.at('here.driftline'), 'x');
    writeFileSync(s.at('found.driftline'), 'y');
    const here = await s.store.add('investigation', [s.at('here.driftline')]);
    const gone = await s.store.add('investigation', [s.at('gone.driftline')]);
    const opened: string[] = [];
    const openInWindow = (id: string) => void opened.push(id);

    await s.recent.openFromMenu(here.id, openInWindow);
    expect(opened).toEqual([here.id]);
    await s.recent.openFromMenu(gone.id, openInWindow);
    expect(asked).toEqual(['gone.driftline']);
    expect(opened).toEqual([here.id]);

    choice = 'locate';
    await s.recent.openFromMenu(gone.id, openInWindow);
    expect(opened).toEqual([here.id, gone.id]);
    expect(s.store.get(gone.id)?.paths).toEqual([s.at('found.driftline')]);

    renameSync(s.at('here.driftline'), s.at('elsewhere.driftline'));
    choice = 'remove';
    await s.recent.openFromMenu(here.id, openInWindow);
    expect(s.store.get(here.id)).toBeUndefined();
    await s.recent.openFromMenu('made-up', openInWindow);
    expect(opened).toHaveLength(2);
  });
});

describe('recent dialogs (Electron)', () => {
  it('asks about a missing item with Locate…, Remove from List and Cancel, modal to the window', async () => {
    const shown: unknown[] = [];
    let response = 1;
    const win = {} as never;
    const dialog = {
      showMessageBox: async (...args: unknown[]) => (shown.push(args), { response, checkboxChecked: false }),
      showOpenDialog: async (...args: unknown[]) => (shown.push(args), { canceled: false, filePaths: ['/new/place/case.driftline'] }),
    };
    const d = recentDialogs(dialog as never, () => win, 'linux');
    const item = { id: 'i', kind: 'investigation' as const, name: 'case.driftline', paths: ['/cases/case.driftline'], at: '' };
    expect(await d.askMissing(item, ['/cases/case.driftline'])).toBe('remove');
    response = 0;
    expect(await d.askMissing(item, ['/cases/case.driftline'])).toBe('locate');
    response = 2;
    expect(await d.askMissing(item, ['/cases/case.driftline'])).toBe('cancel');
    expect(shown[0]).toEqual([
      win,
      expect.objectContaining({
        message: 'case.driftline was moved or deleted',
        detail: expect.stringContaining('/cases/case.driftline'),
        buttons: ['Locate…', 'Remove from List', 'Cancel'],
        cancelId: 2,
      }),
    ]);
    expect(await d.locateInvestigation('/cases/case.driftline')).toBe('/new/place/case.driftline');
    expect(shown.at(-1)).toEqual([
      win,
      expect.objectContaining({ defaultPath: '/cases', filters: [{ name: 'Driftline investigation', extensions: ['driftline'] }], properties: ['openFile'] }),
    ]);
    await d.locateEvidence(['/logs/a.jsonl']);
    expect(shown.at(-1)).toEqual([win, expect.objectContaining({ title: 'Locate Evidence', properties: ['openFile', 'multiSelections'] })]);
  });
});
