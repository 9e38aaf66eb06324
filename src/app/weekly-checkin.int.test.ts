import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkins, outbox } from '../infra/db/schema';
import { openCell } from '../infra/db/sealed';
import { type AppHarness, createAppHarness, textOf } from './testing/app-harness';
import {
  MENTOR,
  OTHER_MENTOR,
  OTHER_STUDENT,
  SEEDED_AT,
  STUDENT,
  STUDENT_NAME,
  TWO_PLACEMENTS,
} from './testing/fixtures';

// Winter time in Amsterdam is UTC+1.
const FRIDAY_1300 = new Date('2027-02-05T12:00:00Z');
const MOOD_TYPED = new Date('2027-02-05T12:20:00Z');
const LEARNED = 'Ik heb geleerd hoe je een overdracht kort en volledig houdt.';
const MONDAY_0830 = new Date('2027-02-08T07:30:00Z');
const MONDAY_0959 = new Date('2027-02-08T08:59:00Z');
const MONDAY_1000 = new Date('2027-02-08T09:00:00Z');

describe('the weekly check-in, driven by ticks', () => {
  let h: AppHarness;
  let moodAlertRowsRightAfterAct: number;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(TWO_PLACEMENTS, SEEDED_AT);
    await h.tick(new Date('2027-02-05T11:45:00Z'));
    await h.tick(FRIDAY_1300);
    const before = (await h.database.db.select().from(outbox)).length;
    await h.say(STUDENT, '1', MOOD_TYPED);
    moodAlertRowsRightAfterAct = (await h.database.db.select().from(outbox)).length - before;
    await h.say(STUDENT, LEARNED, new Date('2027-02-05T12:21:00Z'));
    await h.say(STUDENT, 'nee', new Date('2027-02-05T12:22:00Z'));
    // Noa never answers. Ticks through the weekend: windows stay contiguous.
    await h.tick(new Date('2027-02-06T12:00:00Z'));
    await h.tick(new Date('2027-02-07T12:00:00Z'));
    await h.tick(MONDAY_0830);
    await h.tick(MONDAY_0959);
  });
  afterAll(() => h.close());

  it('sends the student the check-in at Friday 13:00 local, not before', async () => {
    const prompts = h.sent.filter((d) => d.message.key === 'checkin.prompt');
    expect(prompts.map((d) => d.to).sort()).toEqual([OTHER_STUDENT, STUDENT].sort());
    const [row] = await h.database.db.select().from(checkins).limit(1);
    expect(row?.sentAt.toISOString()).toBe(FRIDAY_1300.toISOString());
  });

  it('asks each mentor whether they had the weekly talk with their student', () => {
    const [question] = h.sentTo(MENTOR, 'checkin.mentor.talk');
    expect(question && textOf(question)).toContain(STUDENT_NAME);
    expect(h.sentTo(OTHER_MENTOR, 'checkin.mentor.talk')).toHaveLength(1);
  });

  it('alerts the mentor privately at once when the student types mood 1, in the same act', () => {
    // The act's transaction wrote the student's next question and the mentor's alert together.
    expect(moodAlertRowsRightAfterAct).toBe(2);
    expect(h.sentTo(MENTOR, 'checkin.mentor.mood-low')).toHaveLength(1);
    expect(h.sentTo(OTHER_MENTOR, 'checkin.mentor.mood-low')).toHaveLength(0);
  });

  it('stores the typed mood and learned text encrypted, with the act time as answeredAt', async () => {
    const studentChecks = await h.database.db.select().from(checkins);
    const answered = studentChecks.find((c) => c.answeredAt !== null);
    expect(answered?.moodEnc && openCell(h.cipher, checkins, 'moodEnc', answered)).toBe('1');
    expect(answered?.learnedEnc && openCell(h.cipher, checkins, 'learnedEnc', answered)).toBe(LEARNED);
    expect(answered?.answeredAt?.getTime()).toBeGreaterThanOrEqual(MOOD_TYPED.getTime());
  });

  it('sends no reminder before the next working day 10:00', () => {
    expect(h.sent.filter((d) => d.message.key === 'checkin.reminder')).toHaveLength(0);
  });

  it('reminds only the student who did not answer, on Monday 10:00 after a Friday check-in', async () => {
    await h.tick(MONDAY_1000);
    const reminders = h.sent.filter((d) => d.message.key === 'checkin.reminder');
    expect(reminders.map((d) => d.to)).toEqual([OTHER_STUDENT]);
  });

  it('sends the Monday 08:30 digest privately to each mentor, without a channel', () => {
    const digests = h.sent.filter((d) => d.message.key.startsWith('digest.'));
    expect([...new Set(digests.map((d) => d.to))].sort()).toEqual([MENTOR, OTHER_MENTOR].sort());
    expect(digests.every((d) => !d.to.startsWith('#'))).toBe(true);
  });

  it('puts no mood value and no free text in the digest', () => {
    const body = h.sentTo(MENTOR, 'digest.').map(textOf).join('\n');
    expect(body).toContain(STUDENT_NAME);
    expect(body).not.toContain(LEARNED);
    expect(body).not.toMatch(/\b[1-5]\s*\/\s*5\b/);
    expect(body.toLowerCase()).not.toMatch(/(stemming|mood)\D{0,12}\b1\b/);
  });

  it('keeps one check-in row per placement and week', async () => {
    const rows = await h.database.db
      .select()
      .from(checkins)
      .where(and(eq(checkins.week, '2027-W05')));
    expect(rows).toHaveLength(2);
  });
});
