// End-to-end tests in a system Chromium against serve mode (the built renderer on 127.0.0.1).
import { defineConfig } from '@playwright/test';
import { findBrowser } from './scripts/find-browser.mjs';

const executablePath = process.env.DRIFTLINE_CHROMIUM || findBrowser();
// DRIFTLINE_E2E_PORT lets a second run (e.g. a local CI dry run) use its own server.
const PORT = Number(process.env.DRIFTLINE_E2E_PORT ?? 5183);

export default defineConfig({
  testDir: 'test/e2e',
  // Parallel runs (DRIFTLINE_E2E_PORT) need their own artefact folder too: each run empties it at start.
  outputDir: process.env.DRIFTLINE_E2E_PORT ? `test-results/e2e-${process.env.DRIFTLINE_E2E_PORT}` : 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  // Each page runs its own duckdb-wasm; two at once fit this 2-core machine.
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: PORT === 5183 ? 'npm run serve' : `npm run build:renderer && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
