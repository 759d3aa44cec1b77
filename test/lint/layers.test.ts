// The layer lint, run through ESLint's Node API on snippets placed at virtual paths in the repo.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: repoRoot });

/** Rule ids ESLint reports for `code` as if it lived at `file` (relative to the repo). */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(`parse error in snippet: ${fatal[0].message}`);
  return result.messages.map((m) => m.ruleId ?? 'unknown');
}

describe('layer lint', () => {
  it('renderer/ may not import electron, Node built-ins or main/', async () => {
    for (const code of [
      "import { ipcRenderer } from 'electron';",
      "import fs from 'node:fs';",
      "import { readFile } from 'fs';",
      "import path from 'path';",
      "import { spawn } from 'child_process';",
      "import os from 'os';",
      "import { readFile } from 'fs/promises';",
      "import { readFile } from 'node:fs/promises';",
    ]) {
      expect(await violations('renderer/components/Timeline.tsx', code), code).toContain('no-restricted-imports');
    }
    expect(await violations('renderer/components/deep/Panel.tsx', "import { x } from '../../../main/services/files';")).toContain(
      'driftline/layers',
    );
    expect(await violations('renderer/host/index.ts', "export * from '../../main/preload';")).toContain('driftline/layers');
    expect(await violations('renderer/engine/worker.ts', "const m = await import('../../main/index');")).toContain('driftline/layers');
  });

  it('shared/ may not import electron, react, Node, main/ or renderer/', async () => {
    for (const code of [
      "import { app } from 'electron';",
      "import { useState } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import { createHash } from 'node:crypto';",
      "import path from 'path';",
      "import fs from 'fs';",
    ]) {
      expect(await violations('shared/analysis/rule.ts', code), code).toContain('no-restricted-imports');
    }
    expect(await violations('shared/model/x.ts', "import { a } from '../../main/engine/nodeDb';")).toContain('driftline/layers');
    expect(await violations('shared/model/x.ts', "import { b } from '../../renderer/state/store';")).toContain('driftline/layers');
  });

  it('shared/ may not touch DOM or Node globals', async () => {
    for (const code of [
      'export const t = document.title;',
      'export const w = window.innerWidth;',
      'export const e = process.env.HOME;',
      "export const m = require('x');",
      "export const b = Buffer.from('x');",
    ]) {
      expect(await violations('shared/export/markdown.ts', code), code).toContain('no-restricted-globals');
    }
  });

  it('main/ may not import renderer/, but may use Node and Electron', async () => {
    expect(await violations('main/services/x.ts', "import { App } from '../../renderer/App';")).toContain('driftline/layers');
    expect(
      await violations(
        'main/services/x.ts',
        "import fs from 'node:fs';\nimport { app } from 'electron';\nimport { channel } from '../../shared/ipc/host';\nexport { fs, app, channel };",
      ),
    ).toEqual([]);
  });

  it('passes clean files in each layer', async () => {
    const clean = "import type { EventRow } from '../model/event';\nexport const n = (rows: EventRow[]) => rows.length;";
    expect(await violations('shared/analysis/count.ts', clean)).toEqual([]);
    expect(
      await violations(
        'renderer/components/Count.tsx',
        "import { channel } from '../../shared/ipc/host';\nexport const Count = () => <span>{channel('app.version')}</span>;",
      ),
    ).toEqual([]);
    // A folder that is merely named "main" inside renderer/ is not the main process.
    expect(await violations('renderer/components/x.ts', "export { y } from './main/y';")).toEqual([]);
    // Tests may import any layer.
    expect(await violations('test/main/x.test.ts', "import { a } from '../../main/services/files';\nimport { b } from '../../renderer/x';")).toEqual([]);
  });
});
