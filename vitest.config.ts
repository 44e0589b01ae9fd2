import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          // A safety net for a test that hangs, not a statement about speed: property tests with
          // hundreds of real transactions need minutes when the machine is shared.
          testTimeout: 180_000,
          // The PostgreSQL suites start a throw-away cluster in beforeAll: seconds when quiet,
          // far longer when the machine is loaded.
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // The UI answers when the machine lets it: on a loaded CI machine a page can need
          // seconds for what takes milliseconds on a quiet one. A wait is not a statement about
          // speed (that is `npm run bench`), so polls wait long enough for any load.
          expect: { poll: { timeout: 15_000 } },
          // Two cores: one Chromium at a time, and `npm test` runs this project after the unit
          // tests rather than beside them, so keyboard-wedge timings are not starved of CPU.
          fileParallelism: false,
        },
      },
    ],
  },
});
