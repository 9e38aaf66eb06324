import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataPlace } from './app/testing/processes';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * `stagecoach start` through the package's bin with no terminal and no Slack/Teams credentials:
 * serve HTTP and say how to connect. The bin runs the CLI in its own process, so a signal sent
 * to it reaches the CLI's shutdown handling.
 */
describe('starting the bin without a terminal and without platform credentials', () => {
  let place: Awaited<ReturnType<typeof createDataPlace>>;
  let child: ChildProcess;
  let output = '';
  let healthUrl = '';

  beforeAll(async () => {
    place = await createDataPlace();
    child = spawn(process.execPath, ['src/bin/stagecoach.js', 'start'], {
      cwd: ROOT,
      env: { ...place.env, PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    healthUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no health URL printed:\n${output}`)), 50_000);
      const poll = setInterval(() => {
        const found = /http:\/\/localhost:(\d+)\/healthz/.exec(output);
        if (found && found[1] !== '0') {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(found[0]);
        }
      }, 100);
    });
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await place.close();
  });

  it('prints how to connect Slack and Teams', () => {
    expect(output).toContain('SLACK_BOT_TOKEN');
    expect(output).toContain('MICROSOFT_APP_ID');
  });

  it('answers the health check with current migrations', async () => {
    const response = await fetch(healthUrl);
    const body = (await response.json()) as { ok: boolean; migrations: { current: boolean } };
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ ok: true, migrations: { current: true } });
  });

  it('stops cleanly on SIGTERM: closes the runtime, releases the data directory, exits 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/"signal":"SIGTERM".*"msg":"Stagecoach is stopping"/);
    expect(output).toContain('"msg":"Stagecoach stopped"');
    expect(existsSync(join(place.env.DATA_DIR ?? '', 'stagecoach.lock'))).toBe(false);
  });
});
