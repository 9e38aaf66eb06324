import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` never opens a database; `int` (*.int.test.ts) does — PGlite by default,
 * the server at DATABASE_URL when set, so CI's PostgreSQL run executes `int` alone; `embedded`
 * (*.embedded.test.ts) tests what always runs on PGlite whatever DATABASE_URL says (the
 * `stagecoach demo` semester), so running it again in the PostgreSQL run would test nothing new.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.embedded.test.ts', '**/node_modules/**'],
          // Importing the app's module graph (botbuilder, Bolt, drizzle) anew for every file cost
          // ten times the tests' own run time. These tests share no state: no mocks, no fake
          // timers, no globals, so files in one worker share the loaded modules.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          isolate: false,
          // One migrated database per run; each test database starts as a copy of it.
          globalSetup: ['src/infra/db/test-templates.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'embedded', include: ['**/*.embedded.test.ts'], exclude: ['**/node_modules/**'] },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'adapters/**/*.ts'],
      exclude: ['**/*.test.ts', '**/testing/**', '**/fixtures/**', 'src/faults/**'],
      reporter: ['text-summary'],
      // A floor just under the last measured figures, so coverage can only rise: when a change
      // lifts it, raise these to just under the new figures. Measured 30 Nov 2026 on the whole
      // suite on PGlite, as CI runs it (statements 86.19, branches 79.19, functions 89.11,
      // lines 87.78).
      thresholds: { statements: 86, branches: 79, functions: 89, lines: 87.5 },
    },
  },
});
