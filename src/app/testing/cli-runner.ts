import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { loadConfig } from '../../config';
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
export async function createCliRunner(): Promise<CliRunner> {
  const dir = mkdtempSync(join(tmpdir(), 'stagecoach-cli-'));
  const serverUrl = loadConfig().databaseUrl;
  let databaseUrl: string | undefined;
  let admin: postgres.Sql | undefined;
  if (serverUrl) {
    const name = `stagecoach_cli_${randomBytes(6).toString('hex')}`;
    admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const target = new URL(serverUrl);
    target.pathname = `/${name}`;
    databaseUrl = target.toString();
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    DATA_DIR: join(dir, 'data'),
    STAGECOACH_ENCRYPTION_KEY: TEST_KEY.toString('base64'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  return {
    dir,
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
    async close() {
      rmSync(dir, { recursive: true, force: true });
      if (admin && databaseUrl) {
        const name = new URL(databaseUrl).pathname.slice(1);
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end({ timeout: 5 });
      }
    },
  };
}
