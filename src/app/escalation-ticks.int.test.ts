import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placements, substitutes } from '../infra/db/schema';
import { type AppHarness, createAppHarness, textOf } from './testing/app-harness';
import {
  COORDINATOR,
  MENTOR,
  OTHER_STUDENT,
  SEEDED_AT,
  STARR_ANSWERS,
  STUDENT,
  TWO_PLACEMENTS,
} from './testing/fixtures';

const DAY_MS = 86_400_000;
const FIRST_TICK = new Date('2027-02-20T12:00:00Z');
const LAST_TICK = new Date('2027-06-10T12:00:00Z');
/** Noa hands in the March report after its deadline (1 March) but within the 3-day grace. */
const NOA_WRITES = new Date('2027-03-03T15:00:00Z');

async function writeReport(h: AppHarness, email: string, at: Date): Promise<void> {
  const step = (n: number) => new Date(at.getTime() + n * 60_000);
  await h.say(email, 'start', step(0));
  const answers = Object.values(STARR_ANSWERS);
  for (const [i, answer] of answers.entries()) await h.say(email, answer, step(i + 1));
  await h.say(email, 'verstuur', step(answers.length + 1));
}

const missNumberOf = (summary: string): number => Number(/(\d+)e gemiste verslag/.exec(summary)?.[1]);

describe('the escalation ladder, driven by daily ticks over a semester', () => {
  let h: AppHarness;
  let samPlacement: string;
  let noaPlacement: string;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(TWO_PLACEMENTS, SEEDED_AT);
    const rows = await h.database.db.select().from(placements);
    const samId = await h.personId(STUDENT);
    samPlacement = rows.find((p) => p.studentId === samId)?.id as string;
    noaPlacement = rows.find((p) => p.studentId !== samId)?.id as string;
    // Daily ticks keep every job's window contiguous (a window reaches back at most 24 h).
    for (let at = FIRST_TICK; at <= LAST_TICK; at = new Date(at.getTime() + DAY_MS)) {
      await h.tick(at);
      if (at.toISOString().startsWith('2027-03-03')) await writeReport(h, OTHER_STUDENT, NOA_WRITES);
    }
  }, 240_000);
  afterAll(() => h.close());

  it('tells the student of misses 1, 2 and 3 in order, each with its number', () => {
    const misses = h.sentTo(STUDENT, 'escalation.miss-detected.student').map((m) => missNumberOf(m.summary));
    expect(misses).toEqual([1, 2, 3]);
  });

  it('gives a substitute assignment after the grace of the first miss', async () => {
    expect(h.sentTo(STUDENT, 'escalation.grace-expired.student')).toHaveLength(1);
    const [row] = await h.database.db
      .select()
      .from(substitutes)
      .where(eq(substitutes.key, `${samPlacement}:substitute:monthly:2027-03-01`));
    expect(row).toBeDefined();
  });

  it('marks the placement insufficient after the fourth miss and stores it', async () => {
    const [row] = await h.database.db.select().from(placements).where(eq(placements.id, samPlacement));
    expect(row?.status).toBe('insufficient');
    // The student hears it once, in the closing message; the ladder sends them nothing more.
    expect(h.sentTo(STUDENT, 'escalation.insufficient')).toHaveLength(0);
    expect(h.sentTo(STUDENT, 'closing.student').map((m) => m.summary)).toEqual([
      'Je stage is als onvoldoende beoordeeld',
    ]);
    expect(h.sentTo(MENTOR, 'escalation.insufficient')).toHaveLength(1);
  });

  it('informs the coordinator of every miss and of the verdict', () => {
    const about = (summary: string) => summary.includes('Sam de Vries');
    const forSam = h.sentTo(COORDINATOR).filter((m) => about(textOf(m)));
    // Sam and Noa miss on the same days: each run's news comes in one summary naming both.
    const misses = forSam.filter((m) => /\de gemiste verslag — stap \d+: (?!onvoldoende)/.test(textOf(m)));
    expect(misses).toHaveLength(3);
    expect(
      misses.every((m) => m.key === 'escalation.staff-summary' && textOf(m).includes('Noa Bakker')),
    ).toBe(true);
    expect(forSam.filter((m) => /stap \d+: onvoldoende/.test(textOf(m)))).toHaveLength(1);
  });

  it('gives no substitute for a first report handed in within the grace', async () => {
    const [row] = await h.database.db
      .select()
      .from(substitutes)
      .where(eq(substitutes.key, `${noaPlacement}:substitute:monthly:2027-03-01`));
    expect(row).toBeUndefined();
    // She was told of the miss, handed it in within the grace, and heard nothing more about it.
    const noa = h.sentTo(OTHER_STUDENT, 'escalation.');
    expect(
      noa.filter((m) => m.key === 'escalation.miss-detected.student').map((m) => missNumberOf(m.summary)),
    ).toEqual([1, 2, 3]);
    expect(noa.filter((m) => m.key === 'escalation.grace-expired.student')).toEqual([]);
    const aboutMarch = noa.filter((m) => textOf(m).includes('monthly:2027-03-01'));
    expect(aboutMarch.map((m) => m.key)).toEqual(['escalation.miss-detected.student']);
  });
});
