import { defineConfig } from '@playwright/test';

// The desktop app's end-to-end tests (Playwright's _electron). They need
// Electron's binary and better-sqlite3 built for Electron (npm start provides
// both where it can); without them every test is reported as skipped, with why.
// On Linux without a display, run under xvfb-run.
export default defineConfig({
  testDir: 'tests/electron',
  globalSetup: './tests/electron/global-setup.ts',
  // Each launch is a whole Electron app: one at a time.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
