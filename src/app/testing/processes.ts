import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testDatabaseServerUrl } from '../../config';
import { createServerDatabase, seedPgliteDataDir } from '../../infra/db/test-database';
import { TEST_KEY } from './app-harness';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type CliResult = { code: number; stdout: string; stderr: string };

export type CliRunner = {
  dir: string;
  run(...args: string[]): Promise<CliResult>;
  close(): Promise<void>;
};

/**
 * Runs `node --import tsx src/cli.ts <args>` the way an operator does, against its own data:
 * a temporary DATA_DIR (PGlite), or — when the tests run with DATABASE_URL — a throw-away
 * Postgres database on that server. Only the variables named here reach the child.
 */
/**
 * Somewhere for a whole process's data: a temporary DATA_DIR (PGlite on disk), or — when the
 * tests run with DATABASE_URL — a throw-away Postgres database on that server. `env` holds
 * the variables a process needs to use it (and a fixed encryption key).
 */
export async function createDataPlace(): Promise<{
  dir: string;
  env: Record<string, string>;
  close(): Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'stagecoach-data-'));
  const serverUrl = testDatabaseServerUrl();
  // A migrated copy either way, so each process skips creating and migrating its database.
  const server = serverUrl ? await createServerDatabase(serverUrl, 'stagecoach_p_') : undefined;
  const databaseUrl = server?.url;
  if (!server) seedPgliteDataDir(join(dir, 'data'));
  return {
    dir,
    env: {
      NODE_ENV: 'test',
      DATA_DIR: join(dir, 'data'),
      STAGECOACH_ENCRYPTION_KEY: TEST_KEY.toString('base64'),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    async close() {
      rmSync(dir, { recursive: true, force: true });
      await server?.drop();
    },
  };
}

/**
 * Runs `node --import tsx src/cli.ts <args>` the way an operator does, against its own data
 * place.
 */
export async function createCliRunner(): Promise<CliRunner> {
  const place = await createDataPlace();
  // Nothing of this process's environment: no stray DATABASE_URL or platform tokens reach the child.
  const env: NodeJS.ProcessEnv = { ...place.env };
  return {
    dir: place.dir,
    run: (...args) =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'src/cli.ts', ...args],
          { cwd: ROOT, env, timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
            resolve({ code, stdout, stderr });
          },
        );
      }),
    close: () => place.close(),
  };
}
