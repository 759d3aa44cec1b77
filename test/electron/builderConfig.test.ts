// electron-builder.yml: checked against electron-builder's own schema, then for the choices that
// matter to Driftline (targets, nothing published, only the bundles packed).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(import.meta.dirname, '../..');
// js-yaml and app-builder-lib come with electron-builder; neither ships types we depend on.
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(): void }): Promise<void>;
};

type Target = string | { target: string };
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  publish: unknown;
  linux: { target: Target[] };
  mac: { target: Target[] };
  win: { target: Target[] };
}

const config = yaml.load(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const targets = (list: Target[]) => list.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('rejects a misspelt option (so the validation above is real)', async () => {
    await expect(validateConfiguration({ ...config, pubish: null }, { isEnabled: false, add() {} })).rejects.toThrow();
  });

  it('names the app and builds the four installers', () => {
    expect(config.appId).toBe('dev.driftline.app');
    expect(config.productName).toBe('Driftline');
    expect(targets(config.linux.target).sort()).toEqual(['AppImage', 'deb']);
    expect(targets(config.mac.target)).toEqual(['dmg']);
    expect(targets(config.win.target)).toEqual(['nsis']);
  });

  it('publishes nothing and packs an asar of the bundles only', () => {
    expect(config.publish).toBeNull();
    expect(config.asar).toBe(true);
    const included = config.files.filter((f) => !f.startsWith('!'));
    expect(included.sort()).toEqual(['dist/main/**', 'dist/renderer/**', 'package.json']);
    expect(config.files).toEqual(expect.arrayContaining(['!dist/renderer/**/duckdb-mvp*', '!dist/renderer/**/duckdb-coi*']));
  });

  it('keeps renderer libraries out of dependencies, so app.asar stays small', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    const deps = Object.keys(pkg.dependencies ?? {});
    for (const lib of ['react', 'react-dom', 'cytoscape', 'electron']) {
      expect(deps, lib).not.toContain(lib);
    }
    expect(pkg.main).toBe('dist/main/index.cjs');
  });
});
