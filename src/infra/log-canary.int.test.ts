import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, schedulerRuns } from './db/schema';
import { openTestDatabase } from './db/test-database';
import { createHttpServer } from './http/server';
import { createLogger } from './logging';
import { safeErrorLine } from './redact';
import { runDueJobsAt } from './scheduler/run-due-jobs';

/**
 * A canary — a name, an e-mail and a learning goal nobody else uses — is pushed through every
 * way an error or a value reaches a log line or a stored summary. None of it may come out.
 */
const CANARY_NAME = 'Kanarie Geelvogel';
const CANARY_EMAIL = 'kanarie.geelvogel@school.nl';
const CANARY_GOAL = 'Ik wil leren omgaan met agressie van Kanariebewoner';
const CANARIES = [CANARY_NAME, CANARY_EMAIL, CANARY_GOAL, 'kanarie'];
const AT = new Date('2027-03-05T12:00:00Z');

let lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});
const logger = createLogger('debug', 'canary', sink);

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.db
    .insert(people)
    .values({ id: 'p1', email: CANARY_EMAIL, name: CANARY_NAME, createdAt: AT });
});
afterAll(() => database.close());

/** A real drizzle error whose message carries the canary as a query parameter. */
async function drizzleError(): Promise<unknown> {
  try {
    await database.db
      .insert(people)
      .values({ id: 'p2', email: CANARY_EMAIL, name: CANARY_GOAL, createdAt: AT });
  } catch (error) {
    return error;
  }
  throw new Error('expected a unique violation');
}

const leaks = (text: string) =>
  CANARIES.filter((canary) => text.toLowerCase().includes(canary.toLowerCase()));
let tried = 0;
afterAll(() => console.log(`log canary: ${tried} error paths tried, 0 leaks`));

async function expectClean(produce: () => Promise<void> | void): Promise<void> {
  lines = [];
  await produce();
  tried++;
  expect(lines.length).toBeGreaterThan(0);
  expect(leaks(lines.join(''))).toEqual([]);
}

describe('the log canary', () => {
  it('is really in the drizzle error message (else the test proves nothing)', async () => {
    const error = await drizzleError();
    const text = `${(error as Error).message} ${String((error as Error & { cause?: unknown }).cause)}`;
    expect(leaks(text).length).toBeGreaterThan(0);
  });

  it('does not leave a drizzle error logged as err', async () => {
    const error = await drizzleError();
    await expectClean(() => logger.error({ err: error }, 'insert failed'));
  });

  it('does not leave a drizzle error nested in a cause, at depth', async () => {
    const error = new Error('wrapping', { cause: await drizzleError() });
    await expectClean(() => logger.error({ context: { job: { failure: error } } }, 'job failed'));
  });

  it('does not leave content keys at any depth', async () => {
    await expectClean(() =>
      logger.info(
        { a: { b: { c: { d: { text: CANARY_GOAL, reply: { blocks: [{ text: CANARY_NAME }] } } } } } },
        'nested',
      ),
    );
  });

  it('does not leave query parameters of a URL', async () => {
    await expectClean(() =>
      logger.warn({ url: `https://files.example/x.csv?owner=${CANARY_EMAIL}&kanarie=1` }, 'download'),
    );
  });

  it('does not leave an e-mail address in the message string', async () => {
    await expectClean(() => logger.warn(`lookup failed for ${CANARY_EMAIL}`));
  });

  it('does not leave a drizzle error in scheduler_runs or in the scheduler log', async () => {
    lines = [];
    const reports = await runDueJobsAt(
      database.db,
      [
        {
          name: 'canary-job',
          cron: '0 * * * *',
          run: async () => {
            throw await drizzleError();
          },
        },
      ],
      AT,
      { logger, instanceId: 'canary' },
    );
    tried++;
    expect(reports.some((r) => r.failed)).toBe(true);
    const runs = await database.db.select().from(schedulerRuns);
    const stored = runs.map((r) => r.summary ?? '').join('\n');
    expect(stored).toContain('Failed query');
    expect(leaks(stored)).toEqual([]);
    expect(leaks(lines.join(''))).toEqual([]);
  });

  it('does not leave a drizzle error thrown in an HTTP route', async () => {
    const http = createHttpServer({
      port: 0,
      host: '127.0.0.1',
      logger,
      health: async () => ({ ok: true }),
      slack: async () => {
        throw await drizzleError();
      },
    });
    const port = await http.listen();
    await expectClean(async () => {
      const response = await fetch(`http://127.0.0.1:${port}/slack/events?user=${CANARY_EMAIL}`, {
        method: 'POST',
      });
      expect(leaks(await response.text())).toEqual([]);
    });
    await http.close();
  });

  it('keeps the one-line summary useful without the values', async () => {
    const line = safeErrorLine(await drizzleError());
    expect(line).toMatch(/Failed query: insert into "people"/);
    expect(leaks(line)).toEqual([]);
  });
});
