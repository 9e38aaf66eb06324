import { describe, expect, it } from 'vitest';
import { createCipher } from '../../infra/crypto';
import type { Db } from '../../infra/db/client';
import { createDbStores, storesOnDb } from '../../infra/db/stores';
import { openTestDatabase } from '../../infra/db/test-database';
import { silentLogger } from '../../infra/logging';
import { EVERY_COHORT } from '../access/reach';
import { importPlacements } from '../placements/import-placements';
import { TEST_KEY } from '../testing/app-harness';
import { HEADER, SEEDED_AT } from '../testing/fixtures';
import { runCheckinReminders, runCheckins } from './checkin-jobs';
import { runEscalation } from './escalation-job';
import { runEvaluationReminders } from './evaluation-job';
import type { JobContext, Window } from './job-context';

/** Statements a job issues, counted where they are built (select, insert, update, delete). */
const BUILDERS = new Set(['select', 'insert', 'update', 'delete', 'execute']);

function counting(db: Db, counter: { statements: number }): Db {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value !== 'function') return value;
        if (BUILDERS.has(String(property)))
          return (...args: unknown[]) => {
            counter.statements += 1;
            return value.apply(object, args);
          };
        if (property === 'transaction')
          return (run: (tx: object) => unknown, ...rest: unknown[]) =>
            value.call(object, (tx: object) => run(wrap(tx)), ...rest);
        return value.bind(object);
      },
    });
  return wrap(db);
}

const csvOf = (count: number) =>
  [
    `${HEADER},mid_evaluation_date`,
    ...Array.from(
      { length: count },
      (_, i) =>
        `s${i}@school.nl,Student ${i},m${i % 3}@zorg.nl,Mentor ${i % 3},2027-02-01,2027-06-30,coord@school.nl,Cor,Zorg 2027,2027-03-17`,
    ),
  ].join('\n');

const day = (to: string): Window => {
  const end = new Date(to);
  return { from: new Date(end.getTime() - 86_400_000), to: end };
};

/** Statements per job for a cohort of `count` placements, on a fresh database. */
async function statementsFor(count: number, summaries: string[] = []): Promise<Record<string, number>> {
  const database = await openTestDatabase();
  try {
    await importPlacements(storesOnDb(database.db), csvOf(count), {
      actor: 'cli',
      reach: EVERY_COHORT,
      at: SEEDED_AT,
    });
    const counter = { statements: 0 };
    const ctx: JobContext = {
      stores: createDbStores(counting(database.db, counter), createCipher(TEST_KEY)),
      logger: silentLogger,
      defaultLocale: 'nl',
      dispatchSoon: () => {},
    };
    const measure = async (run: () => Promise<string>) => {
      counter.statements = 0;
      summaries.push(await run());
      return counter.statements;
    };
    return {
      checkins: await measure(() => runCheckins(ctx, day('2027-02-05T12:00:00Z'))),
      reminders: await measure(() => runCheckinReminders(ctx, day('2027-02-08T12:00:00Z'))),
      sweep: await measure(() => runEscalation(ctx, day('2027-03-02T12:00:00Z'))),
      evaluations: await measure(() => runEvaluationReminders(ctx, day('2027-03-10T12:00:00Z'))),
    };
  } finally {
    await database.close();
  }
}

describe('jobs are set-based', () => {
  it('plan and enqueue 60 placements with as many statements as 6', async () => {
    const small = await statementsFor(6);
    const summaries: string[] = [];
    const large = await statementsFor(60, summaries);
    expect(large).toEqual(small);
    // The jobs did their work: 60 prompts and one question per mentor, 60 misses and one summary.
    expect(summaries[0]).toBe('check-ins: 63 message(s)');
    expect(summaries[2]).toBe('escalation: 60 action(s), 61 message(s)');
    // And the number is small: no statement per placement hides in a fixed count.
    for (const statements of Object.values(large)) expect(statements).toBeLessThan(30);
  }, 300_000);
});
