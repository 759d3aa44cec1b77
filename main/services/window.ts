// The one application window: sandboxed, isolated, no Node in the page, loading the renderer from
// app://. Its position and size survive restarts.
import path from 'node:path';
import { BrowserWindow, screen, type WebPreferences } from 'electron';
import { loadWindowState, saveWindowState } from './windowBounds';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export interface MainWindowOptions {
  preload: string;
  url: string;
  userData: string;
}

export function createMainWindow({ preload, url, userData }: MainWindowOptions): BrowserWindow {
  const stateFile = path.join(userData, 'window-state.json');
  const saved = loadWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    title: 'Driftline',
    width: saved?.width ?? 1440,
    height: saved?.height ?? 900,
    ...(saved ? { x: saved.x, y: saved.y } : {}),
    minWidth: 900,
    minHeight: 600,
    show: false,
    webPreferences: secureWebPreferences(preload),
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() }));
  void win.loadURL(url);
  return win;
}
