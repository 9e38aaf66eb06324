import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BOT_TOKEN } from '../../adapters/slack/fixtures/fake-slack-api';
import { SIGNING_SECRET } from '../../adapters/slack/fixtures/signed-request';
import type { IdleResult } from './result';

/** How long the server sits idle after its first healthy answer before RSS is read, ms. */
const SETTLE_MS = 3_000;
const START_TIMEOUT_MS = 120_000;

/**
 * Starts the real server as an operator would (one node process: `node --import tsx
 * src/cli.ts start`), Slack only, pointed at the fake Web API; reads its RSS from /proc once it
 * answers /healthz and has sat idle for a moment; stops it.
 */
export async function idleServerRss(options: {
  db: 'pglite' | 'postgres';
  databaseUrl?: string;
  slackApiUrl: string;
}): Promise<IdleResult> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'stagecoach-idle-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start'], {
    env: {
      // The child's environment is built here, not inherited: only what the server needs.
      PATH: dirname(process.execPath),
      HOME: tmpdir(),
      PORT: String(port),
      DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: options.slackApiUrl,
      STAGECOACH_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    await waitForHealth(port, child.pid);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { db: options.db, rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  } catch (error) {
    throw new Error(`idle server (${options.db}) did not come up: ${String(error)}\n${stderr.slice(-2000)}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitForHealth(port: number, pid: number | undefined): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < START_TIMEOUT_MS) {
    if (pid === undefined) throw new Error('no process');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      await response.text();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('timed out waiting for /healthz');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
