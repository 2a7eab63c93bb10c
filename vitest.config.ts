import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Tests that need both databases at once run in the PostgreSQL pass only, so the SQLite
// pass neither needs a server nor reports them as skipped. Tests that drive the Agents
// Playground in Chromium run where Chromium is installed (.ci/run installs it); tests that
// open documents in LibreOffice, where LibreOffice is.
const postgres = process.env.TEST_DATABASE_URL?.startsWith('postgres') ?? false;
const chromium = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
const libreoffice = existsSync('/usr/bin/libreoffice');

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      ...(postgres ? [] : ['test/**/*.pg.test.ts']),
      ...(chromium ? [] : ['test/**/*.browser.test.ts']),
      ...(libreoffice ? [] : ['test/**/*.office.test.ts']),
    ],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/sqlite-driver-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file gets its own database; two workers suit the 2-core machines.
    maxWorkers: 2,
  },
});
