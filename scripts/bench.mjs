// `npm run bench`: runs every benchmark in turn and prints its figures. Benchmarks measure; they never fail on time.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const benches = [
  ['import', 'scripts/bench-import.ts'],
  ['import folder', 'scripts/bench-folder.ts'],
  ['analysis', 'scripts/bench-analysis.ts'],
  ['investigation file', 'scripts/bench-investigation.ts'],
  ['ui (chromium)', 'scripts/bench-ui.ts'],
];
const only = process.argv.slice(2);
let failed = 0;
for (const [name, file] of benches) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  if (!existsSync(path.join(root, file))) {
    console.log(`\n## ${name}: not present (${file})`);
    continue;
  }
  console.log(`\n## ${name} (${file})`);
  const r = spawnSync(path.join(root, 'node_modules/.bin/tsx'), [file], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192' } });
  if (r.status !== 0) {
    failed++;
    console.log(`${name}: exited with ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
