import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, reports } from '../infra/db/schema';
import { openCell } from '../infra/db/sealed';
import { type AppHarness, createAppHarness } from './testing/app-harness';
import { MENTOR, ONE_PLACEMENT, SEEDED_AT, STARR_ANSWERS, STUDENT } from './testing/fixtures';

const STARTED = new Date('2027-02-22T15:00:00Z');
const minutes = (n: number) => new Date(STARTED.getTime() + n * 60_000);
const SUBMITTED = new Date('2027-02-24T19:30:00Z');

describe('a restart in the middle of a STARR conversation', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    // Three steps before the restart: goal, situation, task.
    await h.say(STUDENT, 'start', STARTED);
    await h.say(STUDENT, STARR_ANSWERS.goal, minutes(1));
    await h.say(STUDENT, STARR_ANSWERS.situation, minutes(2));
    await h.say(STUDENT, STARR_ANSWERS.task, minutes(3));
    h.restart();
    // Two days later, on a fresh app and dispatcher over the same database.
    await h.say(STUDENT, STARR_ANSWERS.action, new Date('2027-02-24T19:00:00Z'));
    await h.say(STUDENT, STARR_ANSWERS.result, new Date('2027-02-24T19:10:00Z'));
    await h.say(STUDENT, STARR_ANSWERS.reflection, new Date('2027-02-24T19:20:00Z'));
    await h.say(STUDENT, 'verstuur', SUBMITTED);
  });
  afterAll(() => h.close());

  it('stores the report with every answer, including those given before the restart', async () => {
    const [row] = await h.database.db.select().from(reports);
    expect(row?.contentEnc).toBeTruthy();
    expect(JSON.parse(openCell(h.cipher, reports, 'contentEnc', row))).toEqual(STARR_ANSWERS);
  });

  it('records the platform time of the submit act as submittedAt', async () => {
    const [row] = await h.database.db.select().from(reports);
    expect(row?.submittedAt?.toISOString()).toBe(SUBMITTED.toISOString());
    expect(row?.dueDate).toBe('2027-03-01');
  });

  it('asked for the action step right after the restart, not for an earlier step', () => {
    const keys = h.sentTo(STUDENT).map((m) => m.key);
    const afterTask = keys.indexOf('starr.ask.action');
    expect(afterTask).toBeGreaterThan(keys.indexOf('starr.ask.task'));
    expect(keys.filter((k) => k === 'starr.ask.situation')).toHaveLength(1);
  });

  it('tells the mentor once', () => {
    expect(h.sentTo(MENTOR, 'feedback.notice')).toHaveLength(1);
  });

  it('closes the draft after the submit', async () => {
    const studentId = await h.personId(STUDENT);
    const open = await h.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.personId, studentId));
    expect(open.filter((c) => c.kind === 'starr')).toHaveLength(0);
  });
});
