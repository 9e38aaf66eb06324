import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliResult, createDataPlace } from '../app/testing/processes';
import { type Db, openDatabase } from '../infra/db/client';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** ms after which a CLI process in a fault test is a hang, not a slow machine. */
const HANG_MS = 120_000;

export type CliProcess = {
  child: ChildProcess;
  /** Settles when the process exited, however it exited (a SIGKILL gives code -1). */
  done: Promise<CliResult>;
  /** SIGKILL, as an OOM killer or a pulled plug would end it: no shutdown code runs. */
  kill(): void;
};

/**
 * Spawns `node --import tsx src/cli.ts <args>` with exactly `env` (nothing of this process's
 * environment, so no stray DATABASE_URL or token reaches the child). Spawned rather than
 * execFile'd so a test can SIGKILL it mid-work.
 */
export function spawnCli(env: Record<string, string>, ...args: string[]): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
  return {
    child,
    done,
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** Runs one CLI command to its end. */
export function runCli(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  return spawnCli(env, ...args).done;
}

/** The one-line summary of `tick`, parsed, so a test can assert on its parts. */
export type TickSummary = { ran: number; alreadyDone: number; sent: number; waiting: number; failed: number };

export function parseTickSummary(stdout: string): TickSummary | null {
  const match =
    /tick \S+: (\d+) job\(s\) ran, (\d+) already done; (\d+) sent, (\d+) waiting(?: \([^)]*\))?, (\d+) failed/.exec(
      stdout,
    );
  if (!match) return null;
  const [, ran, alreadyDone, sent, waiting, failed] = match.map(Number);
  return {
    ran: ran ?? 0,
    alreadyDone: alreadyDone ?? 0,
    sent: sent ?? 0,
    waiting: waiting ?? 0,
    failed: failed ?? 0,
  };
}

/** Prints a scenario's figures in the one format the reliability table is built from. */
export function printFigures(scenario: string, figures: Record<string, string | number>): void {
  const parts = Object.entries(figures).map(([key, value]) => `${key}=${value}`);
  console.log(`[reliability] ${scenario}: ${parts.join(' ')}`);
}

/** Counts how often each key occurs. */
export function tally(keys: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** A Slack user id the fake can hand out for any e-mail, stable per address. */
export function slackIdFor(email: string): string {
  return `U${Buffer.from(email).toString('hex').toUpperCase()}`;
}

/**
 * Opens the data place a CLI process used, runs `work`, and closes it again: PGlite's data
 * directory belongs to one process at a time, so the test holds it only between CLI runs.
 */
export async function withDataPlace<T>(
  env: Record<string, string>,
  work: (db: Db) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(
    env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, maxConnections: 2 }
      : { kind: 'pglite', dataDir: env.DATA_DIR ?? '' },
  );
  try {
    await database.migrate();
    return await work(database.db);
  } finally {
    await database.close();
  }
}

export type DataPlace = Awaited<ReturnType<typeof createDataPlace>>;
