// The native menu. Commands that act on the investigation are the renderer's business, so the
// menu only forwards a MenuCommand to it; the OS-level roles (quit, copy, zoom) stay native.
import type { Menu as ElectronMenu, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/host';

export interface MenuOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  send(command: MenuCommand): void;
}

export function menuTemplate({ isPackaged, platform, send }: MenuOptions): MenuItemConstructorOptions[] {
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
