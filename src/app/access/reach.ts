import { eq } from 'drizzle-orm';
import type { Queryable } from '../../infra/db/client';
import { DEFAULT_COHORT_NAME, findCohortByName } from '../../infra/db/repositories/cohorts';
import { coordinatesCohort, findPersonByEmail, normaliseEmail } from '../../infra/db/repositories/people';
import { coordinators, placementMentors, placements } from '../../infra/db/schema';
import type { PlacementInput } from '../placements/placement-input';

/** Cohorts an actor coordinates; `null` in the list = every cohort (the all-cohorts scope). */
export type Reach = readonly (string | null)[];

export const EVERY_COHORT: Reach = [null];

export const reachesAll = (reach: Reach): boolean => reach.includes(null);

/** Where a person shows up: as student, as mentor, as coordinator (`every` = of all cohorts). */
export async function cohortsOfPerson(
  q: Queryable,
  personId: string,
): Promise<{ cohorts: Set<string>; every: boolean }> {
  const asStudent = await q
    .select({ cohortId: placements.cohortId })
    .from(placements)
    .where(eq(placements.studentId, personId));
  const asMentor = await q
    .select({ cohortId: placements.cohortId })
    .from(placementMentors)
    .innerJoin(placements, eq(placements.id, placementMentors.placementId))
    .where(eq(placementMentors.personId, personId));
  const asCoordinator = await q
    .select({ cohortId: coordinators.cohortId })
    .from(coordinators)
    .where(eq(coordinators.personId, personId));
  const cohorts = new Set<string>();
  let every = false;
  for (const row of [...asStudent, ...asMentor, ...asCoordinator]) {
    if (row.cohortId === null) every = true;
    else cohorts.add(row.cohortId);
  }
  return { cohorts, every };
}

/**
 * May an actor with `reach` erase (or otherwise act on) this person, whatever kind of person it
 * is? Only when every cohort the person appears in is within reach. A person in no cohort at
 * all, or a coordinator of every cohort, is only within the all-cohorts scope.
 */
export async function mayTouchPerson(q: Queryable, reach: Reach, personId: string): Promise<boolean> {
  if (reachesAll(reach)) return true;
  const { cohorts, every } = await cohortsOfPerson(q, personId);
  if (every || cohorts.size === 0) return false;
  return [...cohorts].every((cohortId) => coordinatesCohort(reach, cohortId));
}

export type RowRefusal = 'ACCESS.COHORT_NOT_YOURS' | 'ACCESS.NEEDS_ALL_COHORTS' | 'ACCESS.STUDENT_NOT_YOURS';

/**
 * Checks one placement row (a chat `add` or a CSV line) before anything is written: its cohort
 * must be one the actor coordinates; creating a cohort or a coordinator needs the all-cohorts
 * scope (that is how reach would otherwise grow); an existing student must be the actor's.
 */
export async function checkPlacementRow(
  q: Queryable,
  reach: Reach,
  input: Pick<PlacementInput, 'cohort' | 'coordinator' | 'studentEmail'>,
): Promise<RowRefusal | null> {
  if (reachesAll(reach)) return null;
  const cohort = await findCohortByName(q, input.cohort ?? DEFAULT_COHORT_NAME);
  if (!cohort) return 'ACCESS.NEEDS_ALL_COHORTS';
  if (!coordinatesCohort(reach, cohort.id)) return 'ACCESS.COHORT_NOT_YOURS';
  if (input.coordinator) {
    const person = await findPersonByEmail(q, normaliseEmail(input.coordinator.email));
    const already = person
      ? await q
          .select({ cohortId: coordinators.cohortId })
          .from(coordinators)
          .where(eq(coordinators.personId, person.id))
      : [];
    if (!already.some((row) => row.cohortId === cohort.id || row.cohortId === null)) {
      return 'ACCESS.NEEDS_ALL_COHORTS';
    }
  }
  const student = await findPersonByEmail(q, normaliseEmail(input.studentEmail));
  if (student) {
    const rows = await q
      .select({ cohortId: placements.cohortId })
      .from(placements)
      .where(eq(placements.studentId, student.id));
    if (rows.some((row) => !coordinatesCohort(reach, row.cohortId))) return 'ACCESS.STUDENT_NOT_YOURS';
  }
  return null;
}
