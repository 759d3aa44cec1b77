import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isReachable, loadWindowState, parseWindowState, saveWindowState } from '../../../main/services/windowBounds';

const dir = mkdtempSync(path.join(tmpdir(), 'driftline-bounds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window bounds', () => {
  it('round-trips through the userData file', () => {
    const file = path.join(dir, 'window-state.json');
    saveWindowState(file, { x: 100, y: 50, width: 1200, height: 800, maximized: true });
    expect(loadWindowState(file, screen)).toEqual({ x: 100, y: 50, width: 1200, height: 800, maximized: true });
    expect(JSON.parse(readFileSync(file, 'utf8')).width).toBe(1200);
  });

  it('ignores missing, corrupt and implausible files', () => {
    expect(loadWindowState(path.join(dir, 'absent.json'), screen)).toBeUndefined();
    const corrupt = path.join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"x": 1, "y":');
    expect(loadWindowState(corrupt, screen)).toBeUndefined();
    expect(parseWindowState('{"x":0,"y":0,"width":"big","height":800}')).toBeUndefined();
    expect(parseWindowState('{"x":0,"y":0,"width":10,"height":10}')).toBeUndefined();
    expect(parseWindowState('null')).toBeUndefined();
  });

  it('drops bounds that would put the window off every screen (an unplugged monitor)', () => {
    const file = path.join(dir, 'offscreen.json');
    saveWindowState(file, { x: 2500, y: 100, width: 1200, height: 800, maximized: false });
    expect(loadWindowState(file, screen)).toBeUndefined();
    expect(loadWindowState(file, [...screen, { x: 1920, y: 0, width: 2560, height: 1440 }])).toBeDefined();
    expect(isReachable({ x: -1150, y: 10, width: 1200, height: 800 }, screen)).toBe(false);
    expect(isReachable({ x: -1000, y: 10, width: 1200, height: 800 }, screen)).toBe(true);
  });
});
