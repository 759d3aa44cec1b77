// `npm start`: rebuilds when the bundles are missing or older than the sources, then launches
// Electron. Where Electron cannot run (its binary is fetched on first use, which fails offline),
// it says so in one message and points to serve mode instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUTS = ['dist/main/index.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html'];
const SOURCES = ['main', 'shared', 'renderer', 'assets', 'package.json', 'vite.config.ts', 'scripts/build-node.mjs'];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why the build must run, or undefined when dist/ is complete and newer than every source. */
export function staleReason(root = repoRoot) {
  const outputs = OUTPUTS.map((o) => path.join(root, o));
  const missing = outputs.find((o) => !existsSync(o));
  if (missing) return `${path.relative(root, missing)} is missing`;
  const built = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  const changed = SOURCES.map((s) => path.join(root, s)).find((s) => newestMtime(s) > built);
  return changed ? `${path.relative(root, changed)} changed since the last build` : undefined;
}

/**
 * Asks the electron package for its binary in a child process, so that its download attempt
 * (and the stack trace it prints when offline) stays out of the user's terminal.
 * Honours ELECTRON_OVERRIDE_DIST_PATH, which the electron package reads itself.
 */
export function findElectron(root = repoRoot) {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n' + require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (probe.error) return { reason: `could not ask the electron package for its binary (${probe.error.message})` };
  if (probe.status !== 0) {
    const lines = `${probe.stderr}`.split('\n').map((l) => l.trim());
    const cause = lines.find((l) => /^(\w*Error|RequestError)\b.*:/.test(l) && !l.includes('failed to install correctly'));
    if (/Cannot find module 'electron'/.test(probe.stderr)) return { reason: 'the electron package is not installed (run npm ci)' };
    return { reason: `the Electron binary is not installed and downloading it failed${cause ? ` (${cause})` : ''}` };
  }
  const binary = `${probe.stdout}`.split('\n').pop();
  if (!binary || !existsSync(binary)) return { reason: `the Electron binary was expected at ${binary} but is not there` };
  return { path: binary };
}

function fail(reason) {
  console.error(
    `Electron could not be started: ${reason}.\n` +
      'On an offline machine, run `npm run serve` and open http://127.0.0.1:5183 in Chromium instead' +
      ' (or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron build).',
  );
  process.exit(1);
}

function main() {
  // Electron first: building is pointless (and slow) where the window cannot open anyway.
  const electron = findElectron();
  if (!electron.path) fail(electron.reason);

  // DRIFTLINE_START_NO_BUILD=1 launches whatever dist/ holds (tests, or a build made elsewhere).
  const stale = process.env.DRIFTLINE_START_NO_BUILD === '1' ? undefined : staleReason();
  if (stale) {
    console.log(`driftline: building (${stale})…`);
    const built = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
    if (built.status !== 0) {
      console.error('driftline: the build failed (see above); not starting.');
      process.exit(built.status || 1);
    }
  }

  // ELECTRON_RUN_AS_NODE inherited from a parent tool would turn the app into a plain Node script.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron.path, ['.', ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit', env });
  child.on('error', (e) => fail(`launching ${electron.path} failed (${e.message})`));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
