import { defineConfig } from 'vitest/config';

// One temporary folder for the whole run, removed at its end; first in every project's setup so that
// the builds of the browser tests' setup go there too.
const TEMP_ROOT = 'tests/support/temp-root.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup: [TEMP_ROOT],
          include: ['tests/unit/**/*.test.ts'],
          // The first citation a file formats builds the CSL engine (about 1.5 s, far more on a busy machine).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'build',
          globalSetup: [TEMP_ROOT],
          include: ['tests/build/**/*.test.ts'],
          // Each test runs a real `astro build` of a small fixture book.
          testTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: [TEMP_ROOT, 'tests/support/build-sites.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
