import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    pool: 'forks', maxWorkers: 1, testTimeout: 120_000, hookTimeout: 120_000, isolate: false,
    include: ['**/*.int.test.ts'], exclude: ['**/node_modules/**'],
    globalSetup: ['src/infra/db/test-templates.ts'],
    setupFiles: ['tmp-prof/setup.ts'],
  },
});
