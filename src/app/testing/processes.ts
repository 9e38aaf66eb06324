import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommandLine } from '../../cli';
import { testDatabaseServerUrl } from '../../config';
import { createServerDatabase, seedPgliteDataDir } from '../../infra/db/test-database';
import { TEST_KEY } from './app-harness';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type CliResult = { code: number; stdout: string; stderr: string };

export type CliRunner = {
  dir: string;
  /** The variables the commands see, to run the real bin against the same data. */
  env: Record<string, string>;
  run(...args: string[]): Promise<CliResult>;
  close(): Promise<void>;
};

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
 * Runs a CLI command line the way an operator does — same argument parsing, configuration from
 * the environment, runtime and exit code — but inside this process (`runCommandLine`), so it
 * costs a database open instead of a node start. The command sees only `env` (no stray
 * DATABASE_URL or platform tokens of this process), and its output is captured.
 */
export async function runCliInProcess(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCommandLine(args, {
    env: { ...env },
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

/** Runs command lines in-process (`runCliInProcess`) against a data place of their own. */
export async function createCliRunner(): Promise<CliRunner> {
  const place = await createDataPlace();
  return {
    dir: place.dir,
    env: place.env,
    run: (...args) => runCliInProcess(place.env, ...args),
    close: () => place.close(),
  };
}

/** Runs the package's bin (src/bin/stagecoach.js) as a real process with exactly `env`. */
export function runBin(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['src/bin/stagecoach.js', ...args],
      { cwd: ROOT, env, timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
