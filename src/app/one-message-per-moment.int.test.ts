import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../core/messages/model';
import { type AppHarness, createAppHarness, textOf } from './testing/app-harness';
import { ONE_PLACEMENT, SEEDED_AT, STUDENT } from './testing/fixtures';

const DAY_MS = 86_400_000;
const FIRST_TICK = new Date('2027-02-20T12:00:00Z');
const LAST_TICK = new Date('2027-05-20T12:00:00Z');

/** Messages the student gets from the scheduler, except the weekly check-in itself. */
const isReminderOrNotice = (message: Message) => message.key !== 'checkin.prompt';

describe('a student who is behind gets one message per day, not one per item', () => {
  let h: AppHarness;
  const perDay: Message[][] = [];
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    // Sam writes nothing and answers no check-in: owed reports, substitutes and check-in
    // reminders pile up.
    for (let at = FIRST_TICK; at <= LAST_TICK; at = new Date(at.getTime() + DAY_MS)) {
      const before = h.sentTo(STUDENT).length;
      await h.tick(at);
      perDay.push(h.sentTo(STUDENT).slice(before).filter(isReminderOrNotice));
    }
  }, 240_000);
  afterAll(() => h.close());

  it('never sends more than one reminder or notice on one day', () => {
    const busiest = Math.max(...perDay.map((messages) => messages.length));

    expect(busiest).toBe(1);
  });

  it('bundles what falls on one morning into one message that names each report', () => {
    const bundles = perDay.flat().filter((message) => /dingen voor je vandaag/.test(textOf(message)));
    const reportsNamed = (message: Message) =>
      new Set(textOf(message).match(/reflectieverslag over \w+/g) ?? []).size;

    expect(bundles.length).toBeGreaterThan(0);
    expect(bundles.some((message) => reportsNamed(message) >= 2)).toBe(true);
  });

  it('folds the check-in reminder into the morning message instead of sending it an hour later', () => {
    const folded = perDay.flat().filter((message) => textOf(message).includes('check-in van deze week'));

    expect(folded.some((message) => message.key !== 'checkin.reminder')).toBe(true);
  });
});
