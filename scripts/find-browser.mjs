// Finds a Chromium for the end-to-end tests, or says in one line how to get one.
// Order: DRIFTLINE_CHROMIUM, the system's chromium/chrome, then a browser Playwright installed itself.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export function findBrowser() {
  const candidates = [
    process.env.DRIFTLINE_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ].filter(Boolean);
  for (const c of candidates) if (existsSync(c)) return c;
  try {
    const out = execFileSync(process.execPath, ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    if (out && existsSync(out)) return out;
  } catch {
    // playwright-core not resolvable or no browser of its own: fall through
  }
  return undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findBrowser();
  if (!found) {
    console.error('No Chromium found for the end-to-end tests: install one (Debian: sudo apt-get install -y chromium) or set DRIFTLINE_CHROMIUM=/path/to/chrome.');
    process.exit(1);
  }
  console.log(`end-to-end tests use ${found}`);
}
