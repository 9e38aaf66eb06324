import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../infra/db/schema';
import { type AppHarness, createAppHarness } from './testing/app-harness';
import { MENTOR, OTHER_MENTOR, SEEDED_AT, STUDENT, TWO_PLACEMENTS } from './testing/fixtures';

/** Friday 5 February 2027, 13:00 in Amsterdam: the default check-in moment. */
const FRIDAY_1300 = new Date('2027-02-05T12:00:00Z');

describe('ticking twice at the same instant', () => {
  let h: AppHarness;
  let first: Awaited<ReturnType<AppHarness['tick']>>;
  let second: Awaited<ReturnType<AppHarness['tick']>>;
  let rowsAfterFirst: number;
  let sendsAfterFirst: number;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(TWO_PLACEMENTS, SEEDED_AT);
    first = await h.tick(FRIDAY_1300);
    rowsAfterFirst = (await h.database.db.select().from(outbox)).length;
    sendsAfterFirst = h.sent.length;
    second = await h.tick(FRIDAY_1300);
  });
  afterAll(() => h.close());

  it('sends the check-ins on the first tick', () => {
    expect(first.jobs.every((job) => job.outcome === 'ran')).toBe(true);
    expect(h.sentTo(STUDENT, 'checkin.prompt')).toHaveLength(1);
    expect(h.sentTo(MENTOR, 'checkin.mentor.talk')).toHaveLength(1);
    expect(h.sentTo(OTHER_MENTOR, 'checkin.mentor.talk')).toHaveLength(1);
    expect(first.dispatched.sent).toBe(sendsAfterFirst);
  });

  it('runs no job the second time', () => {
    expect(second.jobs.map((job) => job.outcome)).toEqual(second.jobs.map(() => 'claimed-elsewhere'));
  });

  it('writes no outbox row and sends nothing the second time', async () => {
    expect(await h.database.db.select().from(outbox)).toHaveLength(rowsAfterFirst);
    expect(h.sent).toHaveLength(sendsAfterFirst);
    expect(second.dispatched.sent).toBe(0);
  });

  it('sends nothing new when a rebuilt app ticks the same instant again', async () => {
    h.restart();
    const again = await h.tick(FRIDAY_1300);
    expect(again.dispatched.sent).toBe(0);
    expect(h.sent).toHaveLength(sendsAfterFirst);
  });
});
