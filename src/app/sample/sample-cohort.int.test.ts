import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCipher } from '../../infra/crypto';
import { openGoals } from '../../infra/db/repositories/goals';

const TEST_CIPHER = createCipher(Buffer.alloc(32, 42));

import type { Database } from '../../infra/db/client';
import { loadPlacementBundles } from '../../infra/db/repositories/placements';
import { storesOnDb } from '../../infra/db/stores';
import { openTestDatabase } from '../../infra/db/test-database';
import { SAMPLE_GOALS, SAMPLE_PEOPLE, sampleStartDate, seedSampleCohort } from './sample-cohort';

const AT = new Date('2027-02-22T08:00:00Z');

describe('sample cohort', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('starts on the Monday three weeks before the given day', () => {
    expect(sampleStartDate('2027-02-24')).toBe('2027-02-01');
    expect(sampleStartDate('2027-02-22')).toBe('2027-02-01');
    expect(sampleStartDate('2027-02-28')).toBe('2027-02-01');
  });

  it('seeds three placements with mentors, a coordinator and Sam’s goals, once', async () => {
    const first = await seedSampleCohort(storesOnDb(database.db, TEST_CIPHER), {
      startDate: '2027-02-01',
      at: AT,
    });
    const second = await seedSampleCohort(storesOnDb(database.db, TEST_CIPHER), {
      startDate: '2027-02-01',
      at: AT,
    });

    const bundles = await loadPlacementBundles(database.db, { all: true });
    const sam = bundles.find((b) => b.student.email === SAMPLE_PEOPLE.sam.email);
    const daan = bundles.find((b) => b.student.email === SAMPLE_PEOPLE.daan.email);
    expect(second.placementIds).toEqual(first.placementIds);
    expect(bundles).toHaveLength(3);
    expect(openGoals(TEST_CIPHER, sam?.goals ?? [])).toEqual([...SAMPLE_GOALS]);
    expect(sam?.mentors.map((m) => m.name)).toEqual(['Eva Jansen']);
    expect(daan?.mentors.map((m) => m.name)).toEqual(['Mohammed El Amrani']);
    expect(daan?.coordinators.map((c) => c.name)).toEqual(['Ingrid de Boer']);
    expect(daan?.placement).toMatchObject({
      startDate: '2027-02-01',
      endDate: '2027-06-25',
      status: 'active',
    });
  });
});
