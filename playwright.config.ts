import { defineConfig } from '@playwright/test';
import { ensureBrowser } from './scripts/find-browser.mjs';

/** CROSSCHECK_CHROMIUM, else a system Chromium or Chrome, else Playwright's (installed if need be). */
const browser = ensureBrowser();
if ('error' in browser) {
  process.stderr.write(`${browser.error}\n`);
  process.exit(1);
}

export default defineConfig({
  testDir: process.env['PW_DIR'] ?? 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: browser.path,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
