// Electron entry: wires the services together and opens the window. Behaviour lives in services/.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { MENU_CHANNEL } from '../shared/ipc/host';
import { documentDialogs, evidencePicker } from './services/dialogs';
import { createDocumentsService } from './services/documents';
import { createFilesService } from './services/files';
import { registerIpc } from './services/ipc';
import { installMenu } from './services/menu';
import { createRecentList } from './services/recent';
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
    const recent = createRecentList(path.join(app.getPath('userData'), 'recent-investigations.json'));
    const rememberDocument = (file: string) => {
      app.addRecentDocument(file);
      recent.add(file).catch((e: unknown) => console.warn(`driftline: could not update the recent list (${String(e)})`));
    };
    registerIpc(
      ipcMain,
      {
        files: createFilesService(evidencePicker(dialog, parent, process.platform)),
        documents: createDocumentsService(documentDialogs(dialog, parent), { onDocument: rememberDocument }),
        app: { version: async () => app.getVersion() },
      },
      (event) => isAllowedNavigation(event.senderFrame?.url ?? ''),
    );
    installMenu(Menu, {
      isPackaged: app.isPackaged,
      platform: process.platform,
      send: (command) => parent()?.webContents.send(MENU_CHANNEL, command),
    });
    openMainWindow();
    app.on('activate', () => parent() ?? openMainWindow());
  });

  // One window holds the whole investigation: closing it ends the app, on macOS too.
  app.on('window-all-closed', () => app.quit());
}
