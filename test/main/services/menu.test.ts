import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { installMenu, menuTemplate } from '../../../main/services/menu';
import type { MenuCommand } from '../../../shared/ipc/host';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}
const byLabel = (items: MenuItemConstructorOptions[], label: string) => flatten(items).find((i) => i.label === label);

describe('native menu', () => {
  it('has the File commands with their shortcuts, each sending its MenuCommand', () => {
    const sent: MenuCommand[] = [];
    const template = menuTemplate({ isPackaged: true, platform: 'linux', send: (c) => sent.push(c) });
    const expected: [string, MenuCommand, string | undefined][] = [
      ['Open Evidence…', 'open-evidence', 'CmdOrCtrl+O'],
      ['Open Investigation…', 'open-investigation', 'CmdOrCtrl+Shift+O'],
      ['Save', 'save', 'CmdOrCtrl+S'],
      ['Save As…', 'save-as', 'CmdOrCtrl+Shift+S'],
      ['Export…', 'export', 'CmdOrCtrl+E'],
      ['Open Sample', 'open-sample', undefined],
    ];
    for (const [label, command, accelerator] of expected) {
      const item = byLabel(template, label);
      expect(item?.accelerator, label).toBe(accelerator);
      (item?.click as () => void)();
      expect(sent.at(-1)).toBe(command);
    }
    expect(byLabel(template, 'Quit')).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' });
  });

  it('offers reload and devtools only in development', () => {
    const roles = (isPackaged: boolean) =>
      flatten(menuTemplate({ isPackaged, platform: 'linux', send: () => {} })).map((i) => i.role);
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('toggleDevTools');
  });

  it('adds the application menu on macOS only, and installs through Menu', () => {
    const first = (platform: NodeJS.Platform) => menuTemplate({ isPackaged: true, platform, send: () => {} })[0];
    expect(first('darwin').role).toBe('appMenu');
    expect(first('win32').label).toBe('File');
    let installed: unknown;
    const fakeMenu = { buildFromTemplate: (t: unknown) => ({ t }), setApplicationMenu: (m: unknown) => (installed = m) };
    installMenu(fakeMenu as never, { isPackaged: true, platform: 'linux', send: () => {} });
    expect((installed as { t: MenuItemConstructorOptions[] }).t[0].label).toBe('File');
  });
});
