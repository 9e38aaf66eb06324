import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPersonByEmail } from '../infra/db/repositories/people';
import { cohorts, coordinators, people } from '../infra/db/schema';
import { exportToCsv, neutraliseFormula } from './privacy/export';
import { type AppHarness, createAppHarness } from './testing/app-harness';
import { changedRows, snapshotData } from './testing/snapshot';

/**
 * The holes a review found in who may change what (issue "Access and data protection"): each
 * test here failed before the fix. Cohort A and B each have a coordinator, a mentor, a student.
 */
const AT = new Date('2027-01-15T09:00:00Z');
const HEADER =
  'student_email,student_name,mentor_email,mentor_name,start_date,end_date,coordinator_email,coordinator_name,cohort';
const SEED = `${HEADER}
sa@school.nl,Sam A,ma@zorg.nl,Mira A,2027-02-01,2027-06-30,ca@school.nl,Cor A,Cohort A
sb@school.nl,Sam B,mb@zorg.nl,Mira B,2027-02-01,2027-06-30,cb@school.nl,Cor B,Cohort B
`;

async function refusedWithoutChange(h: AppHarness, email: string, text: string, at: Date) {
  const before = await snapshotData(h.database.db);
  const result = await h.command(email, text, at);
  const after = await snapshotData(h.database.db);
  return { keys: result.replies.map((m) => m.key), changed: changedRows(before, after) };
}

describe('a coordinator of one cohort cannot reach another', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: AT });
    await h.seed(SEED, AT);
  });
  afterAll(() => h.close());

  it('cannot create a new cohort with `add`', async () => {
    const r = await refusedWithoutChange(
      h,
      'ca@school.nl',
      'toevoegen student=x@school.nl naam=X mentor=ma@zorg.nl start=2027-02-01 eind=2027-06-30 cohort=Nieuw',
      AT,
    );
    expect(r).toEqual({ keys: ['command.needs-all-cohorts'], changed: 0 });
    expect(await h.database.db.select().from(cohorts).where(eq(cohorts.name, 'Nieuw'))).toHaveLength(0);
  });

  it('cannot add a placement (and themselves as coordinator) in cohort B', async () => {
    const r = await refusedWithoutChange(
      h,
      'ca@school.nl',
      'toevoegen student=y@school.nl naam=Y mentor=mb@zorg.nl start=2027-02-01 eind=2027-06-30 cohort="Cohort B" coordinator=ca@school.nl',
      AT,
    );
    expect(r.changed).toBe(0);
    expect(r.keys).toEqual(['command.not-your-cohort']);
  });

  it('cannot make themselves coordinator of cohort B with `coordinator toevoegen`', async () => {
    const r = await refusedWithoutChange(
      h,
      'ca@school.nl',
      'coordinator toevoegen ca@school.nl "Cohort B"',
      AT,
    );
    expect(r).toEqual({ keys: ['command.needs-all-cohorts'], changed: 0 });
  });

  it('cannot list or export a student of cohort B by e-mail', async () => {
    for (const text of ['overzicht sb@school.nl', 'export json sb@school.nl', 'export csv "Cohort B"']) {
      const r = await refusedWithoutChange(h, 'ca@school.nl', text, AT);
      expect(r, text).toEqual({ keys: ['command.not-your-cohort'], changed: 0 });
    }
    expect(h.sentTo('ca@school.nl', 'command.export')).toHaveLength(0);
  });

  it('cannot import a CSV with a row for cohort B: nothing of the file is applied', async () => {
    const csv = `${HEADER}
new1@school.nl,New One,ma@zorg.nl,Mira A,2027-02-01,2027-06-30,,,Cohort A
new2@school.nl,New Two,mb@zorg.nl,Mira B,2027-02-01,2027-06-30,ca@school.nl,Cor A,Cohort B
`;
    const before = await snapshotData(h.database.db);
    const result = await h.act(
      'ca@school.nl',
      { type: 'file', name: 'p.csv', content: csv, text: 'importeer --skip-invalid' },
      AT,
    );
    expect(result.replies.map((m) => m.key)).toEqual(['import.rejected']);
    expect(changedRows(before, await snapshotData(h.database.db))).toBe(0);
    expect(await findPersonByEmail(h.database.db, 'new1@school.nl')).toBeUndefined();
  });

  it('cannot import a row that creates a cohort', async () => {
    const csv = `${HEADER}\nnew3@school.nl,New Three,ma@zorg.nl,Mira A,2027-02-01,2027-06-30,,,Elders\n`;
    const before = await snapshotData(h.database.db);
    const result = await h.act(
      'ca@school.nl',
      { type: 'file', name: 'p.csv', content: csv, text: 'importeer' },
      AT,
    );
    expect(result.replies.map((m) => m.key)).toEqual(['import.rejected']);
    expect(changedRows(before, await snapshotData(h.database.db))).toBe(0);
  });

  it('can still import rows for its own cohort', async () => {
    const csv = `${HEADER}\nnew4@school.nl,New Four,ma@zorg.nl,Mira A,2027-02-01,2027-06-30,,,Cohort A\n`;
    const result = await h.act(
      'ca@school.nl',
      { type: 'file', name: 'p.csv', content: csv, text: 'importeer' },
      AT,
    );
    expect(result.replies.map((m) => m.key)).toEqual(['import.applied']);
  });

  it.each([
    ['the mentor of cohort B', 'mb@zorg.nl'],
    ['the coordinator of cohort B', 'cb@school.nl'],
    ['a person in no cohort', 'loose@school.nl'],
  ])('cannot erase %s', async (_label, email) => {
    if (email === 'loose@school.nl')
      await h.database.db.insert(people).values({ id: 'loose', email, name: 'Loose', createdAt: AT });
    const r = await refusedWithoutChange(h, 'ca@school.nl', `wis ${email} bevestig`, AT);
    expect(r.changed).toBe(0);
    expect(r.keys).toEqual(['command.not-your-cohort']);
    expect(await findPersonByEmail(h.database.db, email)).toBeDefined();
  });

  it('cannot erase a coordinator of every cohort', async () => {
    await h.database.db
      .insert(people)
      .values({ id: 'boss', email: 'boss@school.nl', name: 'Boss', createdAt: AT });
    await h.database.db.insert(coordinators).values({ personId: 'boss', cohortId: null });
    const r = await refusedWithoutChange(h, 'cb@school.nl', 'wis boss@school.nl bevestig', AT);
    expect(r).toEqual({ keys: ['command.not-your-cohort'], changed: 0 });
  });

  it('an all-cohorts coordinator may create a cohort and erase a mentor', async () => {
    const created = await h.command(
      'boss@school.nl',
      'toevoegen student=z@school.nl naam=Z mentor=mz@zorg.nl start=2027-02-01 eind=2027-06-30 cohort=Nieuw coordinator=ca@school.nl',
      AT,
    );
    expect(created.replies.map((m) => m.key)).toEqual(['command.added']);
    const erased = await h.command('boss@school.nl', 'wis mz@zorg.nl bevestig', AT);
    expect(erased.replies.map((m) => m.key)).toEqual(['command.erased']);
  });
});

describe('CSV export', () => {
  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'])(
    'neutralises a cell starting like a formula: %j',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    },
  );

  it('writes a hostile student name as text, not as a formula', () => {
    const csv = exportToCsv({
      exportedAt: AT.toISOString(),
      placements: [
        {
          student: { email: 's@school.nl', name: '=cmd|" /C calc"!A0' },
          mentors: [{ email: 'm@zorg.nl', name: '@m' }],
          cohort: '+A',
          status: 'active',
          startDate: '2027-02-01',
          endDate: '2027-06-30',
          missCount: 0,
          reports: [],
          substituteAssignments: [],
          checkins: [],
        },
      ],
    } as unknown as Parameters<typeof exportToCsv>[0]);
    const cells = csv.split('\n')[1] ?? '';
    expect(cells).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(cells).toContain(",'+A,");
    expect(cells).not.toMatch(/(^|,)[=+@-]/);
  });
});
