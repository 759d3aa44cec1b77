// The native menu. Commands that act on the investigation are the renderer's business, so the
// menu only forwards a MenuCommand to it; the OS-level roles (quit, copy, zoom) stay native.
// File ▸ Open Recent lists the main process's recent list and is rebuilt whenever that list changes.
import path from 'node:path';
import type { Menu as ElectronMenu, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentEntry } from '../../shared/ipc/host';

export interface RecentMenu {
  entries: Pick<RecentEntry, 'id' | 'kind' | 'name' | 'paths'>[];
  open(id: string): void;
  clear(): void;
}

export interface MenuOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  send(command: MenuCommand): void;
  recent?: RecentMenu;
}

/** "case.driftline — /home/ana/cases"; evidence says so. `&` would be read as a mnemonic on Windows and Linux. */
export function recentLabel(entry: Pick<RecentEntry, 'kind' | 'name' | 'paths'>): string {
  const what = entry.kind === 'evidence' ? ' (evidence)' : '';
  const label = `${entry.name}${what} — ${path.dirname(entry.paths[0] ?? '')}`;
  return label.replace(/&/g, '&&');
}

function openRecentMenu(recent: RecentMenu | undefined): MenuItemConstructorOptions {
  const entries = recent?.entries ?? [];
  const items: MenuItemConstructorOptions[] = entries.length
    ? entries.map((e) => ({ label: recentLabel(e), click: () => recent?.open(e.id) }))
    : [{ label: 'No Recent Investigations', enabled: false }];
  return {
    label: 'Open Recent',
    submenu: [...items, { type: 'separator' }, { label: 'Clear Recent', enabled: entries.length > 0, click: () => recent?.clear() }],
  };
}

export function menuTemplate({ isPackaged, platform, send, recent }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(cmd),
  });
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('Open Evidence…', 'open-evidence', 'CmdOrCtrl+O'),
      command('Open Investigation…', 'open-investigation', 'CmdOrCtrl+Shift+O'),
      openRecentMenu(recent),
      command('Open Sample', 'open-sample'),
      { type: 'separator' },
      command('Save', 'save', 'CmdOrCtrl+S'),
      command('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
      command('Export…', 'export', 'CmdOrCtrl+E'),
      { type: 'separator' },
      { label: 'Quit', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };
  const edit: MenuItemConstructorOptions = { role: 'editMenu' };
  // Reload and devtools are for development: a packaged build should not drop the investigation on a stray F5.
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(isPackaged
        ? []
        : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const macApp: MenuItemConstructorOptions[] = platform === 'darwin' ? [{ role: 'appMenu' }] : [];
  return [...macApp, file, edit, view, { role: 'windowMenu' }];
}

export function installMenu(menu: typeof ElectronMenu, options: MenuOptions): void {
  menu.setApplicationMenu(menu.buildFromTemplate(menuTemplate(options)));
}
