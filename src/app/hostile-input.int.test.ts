import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../infra/db/schema';
import { EVERY_COHORT } from './access/reach';
import { MAX_TYPED_CHARS } from './handle-inbound';
import { applyPlacementsCsv } from './placements/import-placements';
import { MAX_ROWS } from './placements/parse-csv';
import { type AppHarness, createAppHarness } from './testing/app-harness';
import { ONE_PLACEMENT, SEEDED_AT, STUDENT } from './testing/fixtures';
import { changedRows, snapshotData } from './testing/snapshot';

const AT = new Date('2027-02-25T20:00:00Z');
const HEADER = ONE_PLACEMENT.split('\n')[0];

describe('a typed answer that is far too long', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    await h.say(STUDENT, 'start', AT);
  }, 60_000);
  afterAll(() => h.close());

  it('is refused with a friendly message in Dutch, and the draft is unchanged', async () => {
    const before = await snapshotData(h.database.db);
    const result = await h.say(STUDENT, 'x'.repeat(MAX_TYPED_CHARS + 1), new Date(AT.getTime() + 60_000));
    expect(result.replies.map((m) => m.key)).toEqual(['input.too-long']);
    expect(result.replies[0]?.summary).toMatch(/te lang.*4000 tekens/);
    expect(changedRows(before, await snapshotData(h.database.db))).toBe(0);
  });

  it('is refused in English for someone who reads English', async () => {
    const { eq } = await import('drizzle-orm');
    await h.database.db.update(people).set({ locale: 'en' }).where(eq(people.email, STUDENT));
    const result = await h.say(STUDENT, 'y'.repeat(100_000), new Date(AT.getTime() + 120_000));
    expect(result.replies[0]?.summary).toMatch(/too long.*4000 characters/);
  });

  it('counts form fields too (feedback, a substitute assignment)', async () => {
    const result = await h.click(STUDENT, 'substitute.submit', 'x', new Date(AT.getTime() + 180_000), {
      substitute: 'z'.repeat(MAX_TYPED_CHARS + 1),
    });
    expect(result.replies.map((m) => m.key)).toEqual(['input.too-long']);
  });
});

describe('the per-person inbound rate limit', () => {
  it('refuses the act after the limit within a minute, politely and before any database work', async () => {
    const h = await createAppHarness({ start: SEEDED_AT, rateLimit: { acts: 5, perMs: 60_000 } });
    try {
      await h.seed(ONE_PLACEMENT, SEEDED_AT);
      const keys: string[] = [];
      for (let i = 0; i < 7; i++) {
        const result = await h.say(STUDENT, 'mijn', new Date(AT.getTime() + i * 1000));
        keys.push(result.replies[0]?.key ?? 'answered');
      }
      expect(keys.filter((k) => k === 'rate.limited')).toHaveLength(2);
      // A minute later the same person is answered again.
      const later = await h.say(STUDENT, 'mijn', new Date(AT.getTime() + 120_000));
      expect(later.replies.map((m) => m.key)).not.toContain('rate.limited');
    } finally {
      await h.close();
    }
  }, 60_000);
});

describe('CSV import caps', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
  }, 60_000);
  afterAll(() => h.close());

  const importCsv = (csv: string) =>
    h.stores.transaction((stores) =>
      applyPlacementsCsv(stores, csv, { actor: 'cli', reach: EVERY_COHORT, at: SEEDED_AT }),
    );

  it('refuses a placement of more than 5 years', async () => {
    const summary = await importCsv(`${HEADER}\na@school.nl,A,m@zorg.nl,M,2027-02-01,2032-02-02,,,X\n`);
    expect(summary.applied).toBe(false);
    expect(summary.problems.map((p) => p.code)).toEqual(['CSV.TOO_LONG_PLACEMENT']);
  });

  it('refuses dates outside 2000–2100', async () => {
    const summary = await importCsv(`${HEADER}\na@school.nl,A,m@zorg.nl,M,1900-02-01,1900-06-30,,,X\n`);
    expect(summary.problems.map((p) => p.code)).toEqual(['CSV.DATE_OUT_OF_RANGE', 'CSV.DATE_OUT_OF_RANGE']);
  });

  it('refuses an over-long field', async () => {
    const summary = await importCsv(
      `${HEADER}\na@school.nl,${'A'.repeat(201)},m@zorg.nl,M,2027-02-01,2027-06-30,,,X\n`,
    );
    expect(summary.problems.map((p) => p.code)).toContain('CSV.FIELD_TOO_LONG');
    expect(summary.applied).toBe(false);
  });

  it('applies the same date rules to a chat `toevoegen`', async () => {
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    const result = await h.command(
      'coord@school.nl',
      'toevoegen student=z@school.nl naam=Z mentor=mira@zorg.nl start=2027-02-01 eind=2033-02-01 cohort="Zorg 2027"',
      SEEDED_AT,
    );
    expect(result.replies.map((m) => m.key)).toEqual(['command.bad-dates']);
  });

  it('refuses a file with too many rows without looking at them', async () => {
    const row = (i: number) => `s${i}@school.nl,S,m@zorg.nl,M,2027-02-01,2027-06-30,,,X`;
    const csv = `${HEADER}\n${Array.from({ length: MAX_ROWS + 1 }, (_, i) => row(i)).join('\n')}\n`;
    const summary = await importCsv(csv);
    expect(summary.problems.map((p) => p.code)).toEqual(['CSV.TOO_MANY_ROWS']);
  });
});
