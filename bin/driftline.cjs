#!/usr/bin/env node
// `driftline` from npm: runs the built CLI (dist/cli/driftline.cjs) when present, else the TypeScript
// source through tsx, so a fresh clone works right after `npm ci` without a separate build step.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const built = path.join(root, 'dist', 'cli', 'driftline.cjs');
// DRIFTLINE_FROM_SOURCE=1 skips a (possibly stale) bundle while developing.
if (fs.existsSync(built) && !process.env.DRIFTLINE_FROM_SOURCE) {
  require(built).main(process.argv.slice(2));
} else {
  const tsx = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
  if (!fs.existsSync(tsx)) {
    process.stderr.write('driftline: not built and tsx is missing; run `npm ci` (or `npm run build:node`) first\n');
    process.exit(1);
  }
  const r = spawnSync(tsx, [path.join(root, 'main', 'cli', 'index.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status === null ? 1 : r.status);
}
