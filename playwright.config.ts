import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './tests/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  // Its own folder: the Electron run cleans its own output folder, not this one.
  outputDir: 'test-results-web',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  projects: [
    { name: 'web', testIgnore: /launcher\.spec\.ts/ },
    // `npm start` builds out/ again: run it after the tests whose hosts serve out/renderer.
    { name: 'launcher', testMatch: /launcher\.spec\.ts/, dependencies: ['web'] },
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] },
  },
});
