// Platform dialogs adapted to the services' plain callbacks, modal to the main window when it exists.
import type { BrowserWindow, Dialog, FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { DocumentDialogs } from './documents';
import type { PickPaths } from './files';

type ParentWindow = () => BrowserWindow | undefined;

async function openPaths(dialog: Dialog, parent: ParentWindow, options: OpenDialogOptions): Promise<string[]> {
  const win = parent();
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

export function evidencePicker(dialog: Dialog, parent: ParentWindow, platform: NodeJS.Platform): PickPaths {
  // Only macOS offers one dialog for files and folders; elsewhere asking for both shows a folder-only
  // picker, which would hide the files. There, folders arrive by drag and drop instead.
  const properties: OpenDialogOptions['properties'] =
    platform === 'darwin' ? ['openFile', 'openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'];
  return () => openPaths(dialog, parent, { title: 'Open Evidence', properties });
}

export function documentDialogs(dialog: Dialog, parent: ParentWindow): DocumentDialogs {
  return {
    async save(suggestedName: string, filters: FileFilter[]) {
      const win = parent();
      const options: SaveDialogOptions = {
        defaultPath: suggestedName,
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
    async open(filters: FileFilter[]) {
      const [first] = await openPaths(dialog, parent, { title: 'Open Investigation', filters, properties: ['openFile'] });
      return first;
    },
  };
}
