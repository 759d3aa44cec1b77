// Electron entry: wires the services together and opens the window. Behaviour lives in services/.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { MENU_CHANNEL, OPEN_RECENT_CHANNEL } from '../shared/ipc/host';
import { documentDialogs, evidencePicker } from './services/dialogs';
import { createDocumentsService } from './services/documents';
import { createFilesService } from './services/files';
import { registerIpc } from './services/ipc';
import { installMenu } from './services/menu';
import { createRecentStore } from './services/recent';
import { createRecentService, recentDialogs } from './services/recentService';
import { guardContents, guardSession, isAllowedNavigation } from './services/network';
import { registerAppScheme, serveRenderer } from './services/protocol';
import { APP_ORIGIN } from './services/staticFiles';
import { createMainWindow } from './services/window';
import { closeDialogs, guardClose } from './services/closeGuard';

// Bundled to dist/main/index.cjs, next to preload.cjs and ../renderer (also inside app.asar).
const rendererRoot = path.join(__dirname, '../renderer');
const preload = path.join(__dirname, 'preload.cjs');

registerAppScheme(protocol);
app.on('web-contents-created', (_event, contents) => guardContents(contents));

let mainWindow: BrowserWindow | undefined;
const parent = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined);

function openMainWindow() {
  const win = createMainWindow({ preload, url: `${APP_ORIGIN}/index.html`, userData: app.getPath('userData') });
  // Close, Quit and logging out wait until the page's changes are written (or the person chose).
  guardClose(win, { ipc: ipcMain, dialogs: closeDialogs(dialog, win), app });
  mainWindow = win;
  mainWindow.on('closed', () => (mainWindow = undefined));
}

if (!app.requestSingleInstanceLock()) {
  // A second launch just brings the running window forward.
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = parent();
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });

  void app.whenReady().then(() => {
    guardSession(session.defaultSession, (url) => console.warn(`driftline: refused network request to ${url}`));
    serveRenderer(protocol, rendererRoot);
    // One recent list, in userData, behind the start screen, File ▸ Open Recent and the OS's recent documents.
    const recentStore = createRecentStore(path.join(app.getPath('userData'), 'recent-investigations.json'));
    const remember = (update: Promise<unknown>) =>
      update.catch((e: unknown) => console.warn(`driftline: could not update the recent list (${String(e)})`));
    const files = createFilesService(evidencePicker(dialog, parent, process.platform), {
      onEvidence: (chosen, picked) => void remember(recentStore.add('evidence', chosen, picked.reduce((n, f) => n + f.size, 0))),
    });
    const documents = createDocumentsService(documentDialogs(dialog, parent), {
      onDocument: (file, size) => {
        app.addRecentDocument(file);
        void remember(recentStore.add('investigation', [file], size));
      },
    });
    const recent = createRecentService({ store: recentStore, files, documents, dialogs: recentDialogs(dialog, parent, process.platform) });
    registerIpc(ipcMain, { files, documents, recent, app: { version: async () => app.getVersion() } }, (event) =>
      isAllowedNavigation(event.senderFrame?.url ?? ''),
    );
    const openInWindow = (id: string) => parent()?.webContents.send(OPEN_RECENT_CHANNEL, id);
    const refreshMenu = () =>
      installMenu(Menu, {
        isPackaged: app.isPackaged,
        platform: process.platform,
        send: (command) => parent()?.webContents.send(MENU_CHANNEL, command),
        recent: {
          entries: recentStore.list(),
          open: (id) => void recent.openFromMenu(id, openInWindow).catch((e: unknown) => console.warn(`driftline: could not open a recent item (${String(e)})`)),
          clear: () => {
            app.clearRecentDocuments();
            void remember(recentStore.clear());
          },
        },
      });
    refreshMenu();
    recentStore.onChange(refreshMenu);
    openMainWindow();
    app.on('activate', () => parent() ?? openMainWindow());
  });

  // One window holds the whole investigation: closing it ends the app, on macOS too.
  app.on('window-all-closed', () => app.quit());
}
