import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pauses, substitutes } from '../infra/db/schema';
import { type AppHarness, createAppHarness } from './testing/app-harness';
import { COORDINATOR, MENTOR, OTHER_STUDENT, SEEDED_AT, STUDENT, TWO_PLACEMENTS } from './testing/fixtures';
import { currentPlacementOf } from './use-cases/current-placement';

const DAY_MS = 86_400_000;

async function ladderOf(h: AppHarness, email: string, at: Date) {
  const evaluation = await currentPlacementOf(h.stores, await h.personId(email), at);
  if (!evaluation) throw new Error(`no placement for ${email}`);
  return { ...evaluation.ladder, status: evaluation.status };
}

describe('pausing a placement', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(TWO_PLACEMENTS, SEEDED_AT);
  });
  afterAll(() => h.close());

  it('refuses a mentor in a friendly way and stores no pause', async () => {
    const result = await h.command(MENTOR, `pauzeer ${STUDENT} 2027-02-08 2027-02-21 ziek`, SEEDED_AT);
    expect(result.replies.map((m) => m.key)).toEqual(['command.forbidden']);
    expect(result.replies[0]?.summary).toMatch(/coördinator/i);
    expect(await h.database.db.select().from(pauses)).toHaveLength(0);
  });

  it('lets a coordinator pause a placement', async () => {
    const result = await h.command(COORDINATOR, `pauzeer ${STUDENT} 2027-02-08 2027-02-21 ziek`, SEEDED_AT);
    expect(result.replies.map((m) => m.key)).toEqual(['command.paused']);
    const [pause] = await h.database.db.select().from(pauses);
    expect(pause).toMatchObject({ fromDate: '2027-02-08', untilDate: '2027-02-21' });
  });

  it('sends no check-in inside the pause, and the other student still gets theirs', async () => {
    await h.tick(new Date('2027-02-11T12:00:00Z'));
    await h.tick(new Date('2027-02-12T12:00:00Z'));
    expect(h.sentTo(STUDENT, 'checkin.prompt')).toHaveLength(0);
    expect(h.sentTo(OTHER_STUDENT, 'checkin.prompt')).toHaveLength(1);
  });

  it('sends the check-in again after the pause', async () => {
    for (let day = 13; day <= 26; day++) await h.tick(new Date(Date.UTC(2027, 1, day, 12)));
    expect(h.sentTo(STUDENT, 'checkin.prompt')).toHaveLength(1);
  });
});

describe('excusing a missed report', () => {
  let h: AppHarness;
  let before: Awaited<ReturnType<typeof ladderOf>>;
  const EXCUSED_AT = new Date('2027-03-02T13:00:00Z');
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(TWO_PLACEMENTS, SEEDED_AT);
    // The March report (due Monday 1 March) is missed; the sweep runs Tuesday 09:00.
    for (let at = new Date('2027-02-26T12:00:00Z'); at <= EXCUSED_AT; at = new Date(at.getTime() + DAY_MS))
      await h.tick(at);
    before = await ladderOf(h, STUDENT, EXCUSED_AT);
  });
  afterAll(() => h.close());

  it('counts the miss before the excuse', () => {
    expect(h.sentTo(STUDENT, 'escalation.miss-detected.student')).toHaveLength(1);
    expect(before).toMatchObject({ missCount: 1, step: 1 });
  });

  it('takes the miss back and drops the ladder step when a coordinator excuses it', async () => {
    const result = await h.command(COORDINATOR, `excuseer ${STUDENT} 2027-03-01 ziek`, EXCUSED_AT);
    expect(result.replies.map((m) => m.key)).toEqual(['command.excused']);
    const after = await ladderOf(h, STUDENT, EXCUSED_AT);
    expect(after).toMatchObject({ missCount: 0, step: 0 });
    expect(after.reports.find((r) => r.dueDate === '2027-03-01')?.status).toBe('excused');
  });

  it('gives no substitute after the grace once the report is excused', async () => {
    for (let day = 3; day <= 12; day++) await h.tick(new Date(Date.UTC(2027, 2, day, 12)));
    expect(h.sentTo(STUDENT, 'escalation.grace-expired')).toHaveLength(0);
    expect(h.sentTo(STUDENT, 'escalation.owed-reminder')).toHaveLength(0);
    const placementIds = await h.database.db.select().from(substitutes);
    const studentId = await h.personId(STUDENT);
    const sam = await currentPlacementOf(h.stores, studentId, EXCUSED_AT);
    expect(placementIds.filter((s) => s.placementId === sam?.bundle.placement.id)).toEqual([]);
  });

  it('still escalates the other student, who was not excused', async () => {
    expect(h.sentTo(OTHER_STUDENT, 'escalation.grace-expired.student')).toHaveLength(1);
    const noa = await ladderOf(h, OTHER_STUDENT, new Date('2027-03-12T12:00:00Z'));
    expect(noa.missCount).toBe(1);
  });

  it('refuses the excuse to someone who is not a coordinator', async () => {
    const result = await h.command(MENTOR, `excuseer ${OTHER_STUDENT} 2027-03-01`, EXCUSED_AT);
    expect(result.replies.map((m) => m.key)).toEqual(['command.forbidden']);
    const noa = await ladderOf(h, OTHER_STUDENT, EXCUSED_AT);
    expect(noa.reports.find((r) => r.dueDate === '2027-03-01')?.status).toBe('missed');
  });
});
