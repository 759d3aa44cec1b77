// The recent list as the page and File ▸ Open Recent use it: list (checked against the disk), reopen
// without a dialog, remove, and Locate… a file that moved. Only entries of the main process's own list
// can be opened, by id, so the page can never make it read an arbitrary path.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import type { PickedFile, RecentEntry, RecentHost } from '../../shared/ipc/host';
import type { DocumentsService } from './documents';
import type { FilesService } from './files';
import { HostError } from './hostError';
import { isInvestigationFile, type RecentStore, type StoredRecent } from './recent';

export interface RecentDialogs {
  /** Locate… an investigation: an open dialog for .driftline files; undefined when cancelled. */
  locateInvestigation(previous: string): Promise<string | undefined>;
  /** Locate… evidence: the evidence picker again; empty when cancelled. */
  locateEvidence(previous: string[]): Promise<string[]>;
  /** File ▸ Open Recent chose an entry that is gone: locate it, remove it from the list, or leave it. */
  askMissing(entry: StoredRecent, missing: string[]): Promise<'locate' | 'remove' | 'cancel'>;
}

export interface RecentServiceDeps {
  store: RecentStore;
  files: Pick<FilesService, 'openPaths'>;
  documents: Pick<DocumentsService, 'reopen'>;
  dialogs: RecentDialogs;
}

export interface RecentService extends RecentHost {
  /** File ▸ Open Recent: when the entry is still there the window is told to open it, else the person is asked. */
  openFromMenu(id: string, openInWindow: (id: string) => void): Promise<void>;
}

/** Paths that no longer exist (moved or deleted). Other failures, e.g. no permission, show up when opening. */
async function missingOf(paths: string[]): Promise<string[]> {
  const gone = await Promise.all(
    paths.map((p) =>
      fs.stat(p).then(
        () => false,
        (e: { code?: string }) => e?.code === 'ENOENT' || e?.code === 'ENOTDIR',
      ),
    ),
  );
  return paths.filter((_, i) => gone[i]);
}

const checked = async (entry: StoredRecent): Promise<RecentEntry> => {
  const missing = await missingOf(entry.paths);
  return missing.length ? { ...entry, missing } : { ...entry };
};

function movedOrDeleted(entry: StoredRecent, missing: string[]): HostError {
  const where =
    entry.paths.length === 1 ? `it is no longer at ${missing[0]}` : `${missing.length} of its ${entry.paths.length} files and folders are gone (${missing.join(', ')})`;
  return new HostError('not-found', `${entry.name} was moved or deleted: ${where}. Remove it from the list, or Locate… it where it is now.`);
}

export function createRecentService({ store, files, documents, dialogs }: RecentServiceDeps): RecentService {
  const entry = (id: unknown): StoredRecent => {
    const found = typeof id === 'string' ? store.get(id) : undefined;
    // A stale page (the list was cleared from the menu) or a page asking for something never opened.
    if (!found) throw new HostError('invalid', 'That item is no longer in the recent list.');
    return found;
  };

  const service: RecentService = {
    async list() {
      return Promise.all(store.list().map(checked));
    },

    async open(id) {
      const item = entry(id);
      const missing = await missingOf(item.paths);
      if (missing.length) throw movedOrDeleted(item, missing);
      if (item.kind === 'investigation') {
        const opened = await documents.reopen(item.paths[0]).catch((e: { code?: string }) => {
          throw e?.code === 'ENOENT' ? movedOrDeleted(item, item.paths) : e;
        });
        await store.add('investigation', item.paths, opened.data.byteLength);
        return { kind: 'investigation', ...opened };
      }
      const picked: PickedFile[] = await files.openPaths(item.paths);
      if (!picked.length) {
        throw new HostError('not-found', `${item.name} no longer holds any files. Remove it from the list, or Locate… the evidence where it is now.`);
      }
      await store.add('evidence', item.paths, picked.reduce((n, f) => n + f.size, 0));
      return { kind: 'evidence', files: picked };
    },

    async remove(id) {
      if (typeof id === 'string') await store.remove(id);
    },

    async locate(id) {
      const item = entry(id);
      if (item.kind === 'investigation') {
        const file = await dialogs.locateInvestigation(item.paths[0]);
        if (!file) return null;
        if (!isInvestigationFile(file)) throw new HostError('invalid', `${path.basename(file)} is not a Driftline investigation: choose a .driftline file.`);
        const moved = await store.relocate(item.id, [file], (await fs.stat(file)).size);
        return moved ? checked(moved) : null;
      }
      const chosen = await dialogs.locateEvidence(item.paths);
      if (!chosen.length) return null;
      const moved = await store.relocate(item.id, chosen);
      return moved ? checked(moved) : null;
    },

    async openFromMenu(id, openInWindow) {
      const item = store.get(id);
      if (!item) return;
      const missing = await missingOf(item.paths);
      if (!missing.length) return openInWindow(id);
      const choice = await dialogs.askMissing(item, missing);
      if (choice === 'remove') await store.remove(id);
      if (choice === 'locate' && (await service.locate(id))) openInWindow(id);
    },
  };
  return service;
}

type ParentWindow = () => BrowserWindow | undefined;

/** The dialogs above as native ones, modal to the window when there is one. */
export function recentDialogs(dialog: Pick<Dialog, 'showOpenDialog' | 'showMessageBox'>, parent: ParentWindow, platform: NodeJS.Platform): RecentDialogs {
  const open = async (options: OpenDialogOptions) => {
    const win = parent();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  };
  return {
    async locateInvestigation(previous) {
      const [file] = await open({
        title: `Locate ${path.basename(previous)}`,
        defaultPath: path.dirname(previous),
        filters: [{ name: 'Driftline investigation', extensions: ['driftline'] }],
        properties: ['openFile'],
      });
      return file;
    },
    async locateEvidence(previous) {
      // As in the Open Evidence dialog: only macOS offers files and folders in one dialog.
      const properties: OpenDialogOptions['properties'] =
        platform === 'darwin' ? ['openFile', 'openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'];
      return open({ title: 'Locate Evidence', defaultPath: previous[0] ? path.dirname(previous[0]) : undefined, properties });
    },
    async askMissing(item, missing) {
      const options = {
        type: 'warning' as const,
        noLink: true,
        message: `${item.name} was moved or deleted`,
        detail: `Driftline looked for it at ${missing.join(', ')}. Locate it to open it from where it is now, or remove it from the list.`,
        buttons: ['Locate…', 'Remove from List', 'Cancel'],
        defaultId: 0,
        cancelId: 2,
      };
      const win = parent();
      const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      return response === 0 ? 'locate' : response === 1 ? 'remove' : 'cancel';
    },
  };
}
