import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../infra/db/client';
import { findCohortByName } from '../../infra/db/repositories/cohorts';
import { cohorts, coordinators, people, placementMentors, placements } from '../../infra/db/schema';
import { storesOnDb } from '../../infra/db/stores';
import { openTestDatabase } from '../../infra/db/test-database';
import { EVERY_COHORT } from '../access/reach';
import { importPlacements } from './import-placements';

const AT = new Date('2027-01-10T10:00:00Z');
const HEADER =
  'student_email,student_name,mentor_email,mentor_name,start_date,end_date,coordinator_email,cohort,working_days';

const GOOD = `${HEADER}
sam@school.nl,Sam de Vries,mentor@zorg.nl,Mira Mentor,2027-02-01,2027-06-30,coord@school.nl,Zorg 2027,"ma,di,wo"
noa@school.nl,Noa Bakker,m1@zorg.nl|m2@zorg.nl,Piet|Kees,2027-02-01,2027-06-30,coord@school.nl,Zorg 2027,
`;

describe('importing placements from CSV', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await database.db.delete(placements);
    await database.db.delete(cohorts);
    await database.db.delete(coordinators);
    await database.db.delete(people);
  });

  it('creates placements, people, several mentors and the coordinator role', async () => {
    const summary = await importPlacements(storesOnDb(database.db), GOOD, {
      actor: 'cli',
      reach: EVERY_COHORT,
      at: AT,
    });

    expect(summary).toMatchObject({ applied: true, created: 2, updated: 0, unchanged: 0, problems: [] });
    expect(await database.db.select().from(placementMentors)).toHaveLength(3);
    expect(await database.db.select().from(coordinators)).toHaveLength(1);
    const [sam] = (await database.db.select().from(placements)).filter((p) => p.workingDays !== null);
    expect(sam?.workingDays).toEqual([1, 2, 3]);
  });

  it('changes nothing when the same file is imported twice', async () => {
    await importPlacements(storesOnDb(database.db), GOOD, { actor: 'cli', reach: EVERY_COHORT, at: AT });
    const again = await importPlacements(storesOnDb(database.db), GOOD, {
      actor: 'cli',
      reach: EVERY_COHORT,
      at: AT,
    });

    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await database.db.select().from(placements)).toHaveLength(2);
  });

  it('reads semicolon-separated files as Dutch Excel writes them', async () => {
    const csv = GOOD.replaceAll(',', ';').replace('"ma;di;wo"', 'ma-wo');
    const summary = await importPlacements(storesOnDb(database.db), csv, {
      actor: 'cli',
      reach: EVERY_COHORT,
      at: AT,
    });
    expect(summary.created).toBe(2);
  });

  it('rejects a file with bad rows, naming every line, and imports nothing', async () => {
    const csv = `${HEADER}
sam@school.nl,Sam,mentor@zorg.nl,Mira,2027-02-01,2027-06-30,,,
bad-email,Noa,mentor@zorg.nl,Mira,2027-02-30,2027-06-30,,,
lex@school.nl,Lex,mentor@zorg.nl,Mira,2027-06-01,2027-02-01,,,zaterdagavond
`;
    const summary = await importPlacements(storesOnDb(database.db), csv, {
      actor: 'cli',
      reach: EVERY_COHORT,
      at: AT,
    });

    expect(summary.applied).toBe(false);
    expect(summary.problems).toEqual([
      { line: 3, field: 'student_email', code: 'CSV.BAD_EMAIL', value: 'bad-email' },
      { line: 3, field: 'start_date', code: 'CSV.BAD_DATE', value: '2027-02-30' },
      { line: 4, field: 'end_date', code: 'CSV.END_BEFORE_START', value: '2027-02-01' },
      { line: 4, field: 'working_days', code: 'CSV.BAD_WORKING_DAYS', value: 'zaterdagavond' },
    ]);
    expect(await database.db.select().from(placements)).toHaveLength(0);
  });

  it('imports the valid rows only when asked to skip invalid ones', async () => {
    const csv = `${HEADER}
sam@school.nl,Sam,mentor@zorg.nl,Mira,2027-02-01,2027-06-30,,,
noa@school.nl,Noa,,Mira,2027-02-01,2027-06-30,,,
`;
    const summary = await importPlacements(storesOnDb(database.db), csv, {
      actor: 'cli',
      reach: EVERY_COHORT,
      at: AT,
      skipInvalid: true,
    });

    expect(summary).toMatchObject({ applied: true, created: 1, skipped: 1 });
    expect(summary.problems).toEqual([{ line: 3, field: 'mentor_email', code: 'CSV.MISSING_FIELD' }]);
  });

  it('names a missing required column instead of guessing', async () => {
    const summary = await importPlacements(
      storesOnDb(database.db),
      'student_email,student_name\na@b.nl,A\n',
      {
        actor: 'cli',
        reach: EVERY_COHORT,
        at: AT,
      },
    );
    expect(summary.problems.map((p) => p.field)).toEqual([
      'mentor_email',
      'mentor_name',
      'start_date',
      'end_date',
    ]);
  });

  it('gives a cohort the file creates the configured time zone, and leaves an existing cohort as it is', async () => {
    await importPlacements(storesOnDb(database.db), GOOD, {
      actor: 'cli',
      reach: EVERY_COHORT,
      at: AT,
      cohortTimezone: 'Europe/London',
    });
    await importPlacements(storesOnDb(database.db), GOOD, {
      actor: 'cli',
      reach: EVERY_COHORT,
      at: AT,
      cohortTimezone: 'Europe/Brussels',
    });

    const cohort = await findCohortByName(database.db, 'Zorg 2027');
    expect(cohort?.settings.timezone).toBe('Europe/London');
  });
});

describe('importing many placements', () => {
  let database: Database;
  let queries = 0;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', onQuery: () => queries++ });
    await database.migrate();
  });
  afterAll(() => database.close());

  const fileOf = (from: number, count: number, name = (i: number) => `Student ${i}`) =>
    [
      HEADER,
      ...Array.from(
        { length: count },
        (_, k) =>
          `student${from + k}@school.nl,${name(from + k)},mentor${(from + k) % 7}@zorg.nl,Mentor ${(from + k) % 7},2027-02-01,2027-06-30,coord@school.nl,Bulk,`,
      ),
    ].join('\n');

  async function countQueries(csv: string) {
    queries = 0;
    const summary = await importPlacements(storesOnDb(database.db), csv, {
      actor: 'cli',
      reach: EVERY_COHORT,
      at: AT,
    });
    return { summary, queries };
  }

  it('costs the same number of queries for 20 rows as for 400', async () => {
    await countQueries(fileOf(9000, 1)); // the cohort and the coordinator exist for both files
    const small = await countQueries(fileOf(0, 20));
    const large = await countQueries(fileOf(1000, 400));

    expect(small.summary.created).toBe(20);
    expect(large.summary.created).toBe(400);
    expect(large.queries).toBe(small.queries);
  });

  it('applies the rows in file order: a person named twice keeps the later name', async () => {
    const csv = `${HEADER}
twice@school.nl,First Name,mentor@zorg.nl,Mira,2027-02-01,2027-06-30,coord@school.nl,Bulk,
twice@school.nl,Second Name,mentor@zorg.nl,Mira,2027-09-01,2028-01-29,coord@school.nl,Bulk,
`;
    const summary = await importPlacements(storesOnDb(database.db), csv, {
      actor: 'cli',
      reach: EVERY_COHORT,
      at: AT,
    });

    expect(summary).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const [person] = await database.db.select().from(people).where(eq(people.email, 'twice@school.nl'));
    expect(person?.name).toBe('Second Name');
  });

  it('reports a re-import that renames a student as updated, and leaves the rest unchanged', async () => {
    await importPlacements(storesOnDb(database.db), fileOf(5000, 10), {
      actor: 'cli',
      reach: EVERY_COHORT,
      at: AT,
    });
    const renamed = fileOf(5000, 10, (i) => (i === 5003 ? 'Renamed' : `Student ${i}`));

    const summary = await importPlacements(storesOnDb(database.db), renamed, {
      actor: 'cli',
      reach: EVERY_COHORT,
      at: AT,
    });

    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 9 });
  });
});
