import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { installMenu, menuTemplate, recentLabel } from '../../../main/services/menu';
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

  it('lists the recent list under File ▸ Open Recent, each item opening its entry by id, with Clear Recent', () => {
    const opened: string[] = [];
    let cleared = 0;
    const entries = [
      { id: 'i1', kind: 'investigation' as const, name: 'case.driftline', paths: ['/cases/case.driftline'] },
      { id: 'e1', kind: 'evidence' as const, name: 'logs & traces and 1 more', paths: ['/inc/logs & traces', '/inc/audit.jsonl'] },
    ];
    const template = menuTemplate({
      isPackaged: true,
      platform: 'linux',
      send: () => {},
      recent: { entries, open: (id) => opened.push(id), clear: () => cleared++ },
    });
    const file = template[0].submenu as MenuItemConstructorOptions[];
    const openRecent = file.find((i) => i.label === 'Open Recent');
    expect(file.indexOf(openRecent!)).toBe(file.findIndex((i) => i.label === 'Open Investigation…') + 1);
    const items = openRecent!.submenu as MenuItemConstructorOptions[];
    expect(items.map((i) => i.label ?? i.type)).toEqual([
      'case.driftline — /cases',
      'logs && traces and 1 more (evidence) — /inc',
      'separator',
      'Clear Recent',
    ]);
    (items[1].click as () => void)();
    (items[0].click as () => void)();
    expect(opened).toEqual(['e1', 'i1']);
    expect(items[3].enabled).toBe(true);
    (items[3].click as () => void)();
    expect(cleared).toBe(1);
  });

  it('says there is nothing recent, and cannot clear an empty list', () => {
    for (const recent of [undefined, { entries: [], open: () => {}, clear: () => {} }]) {
      const openRecent = byLabel(menuTemplate({ isPackaged: true, platform: 'linux', send: () => {}, recent }), 'Open Recent');
      const items = openRecent!.submenu as MenuItemConstructorOptions[];
      expect(items[0]).toMatchObject({ label: 'No Recent Investigations', enabled: false });
      expect(items.at(-1)).toMatchObject({ label: 'Clear Recent', enabled: false });
    }
    expect(recentLabel({ kind: 'investigation', name: 'R&D.driftline', paths: ['/R&D/R&D.driftline'] })).toBe('R&&D.driftline — /R&&D');
  });
});
