import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` never opens a database; `int` (*.int.test.ts) does — PGlite by default,
 * the server at DATABASE_URL when set, so CI's PostgreSQL run executes `int` alone.
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
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          // One migrated database per run; each test database starts as a copy of it.
          globalSetup: ['src/infra/db/test-templates.ts'],
        },
      },
    ],
  },
});
