import type { PlacementInput } from '../placements/placement-input';
import { DEFAULT_COHORT_NAME } from '../stores/cohort-store';
import { coordinatesCohort } from '../stores/people-store';
import type { Stores } from '../stores/stores';

/** Cohorts an actor coordinates; `null` in the list = every cohort (the all-cohorts scope). */
export type Reach = readonly (string | null)[];

export const EVERY_COHORT: Reach = [null];

export const reachesAll = (reach: Reach): boolean => reach.includes(null);

type ReachStores = Pick<Stores, 'people' | 'cohorts' | 'placements'>;

/** Where a person shows up: as student, as mentor, as coordinator (`every` = of all cohorts). */
export async function cohortsOfPerson(
  stores: Pick<Stores, 'placements'>,
  personId: string,
): Promise<{ cohorts: Set<string>; every: boolean }> {
  const found = await stores.placements.cohortsOfPerson(personId);
  const cohorts = new Set<string>();
  let every = false;
  for (const cohortId of [...found.asStudent, ...found.asMentor, ...found.asCoordinator]) {
    if (cohortId === null) every = true;
    else cohorts.add(cohortId);
  }
  return { cohorts, every };
}

/**
 * May an actor with `reach` erase (or otherwise act on) this person, whatever kind of person it
 * is? Only when every cohort the person appears in is within reach. A person in no cohort at
 * all, or a coordinator of every cohort, is only within the all-cohorts scope.
 */
export async function mayTouchPerson(
  stores: Pick<Stores, 'placements'>,
  reach: Reach,
  personId: string,
): Promise<boolean> {
  if (reachesAll(reach)) return true;
  const { cohorts, every } = await cohortsOfPerson(stores, personId);
  if (every || cohorts.size === 0) return false;
  return [...cohorts].every((cohortId) => coordinatesCohort(reach, cohortId));
}

export type RowRefusal = 'ACCESS.COHORT_NOT_YOURS' | 'ACCESS.NEEDS_ALL_COHORTS' | 'ACCESS.STUDENT_NOT_YOURS';

/**
 * Checks one placement row (a chat `add` or a CSV line) before anything is written: its cohort
 * must be one the actor coordinates; creating a cohort or a coordinator needs the all-cohorts
 * scope (that is how reach would otherwise grow); an existing student must be the actor's.
 */
export async function checkPlacementRowIn(
  stores: ReachStores,
  reach: Reach,
  input: Pick<PlacementInput, 'cohort' | 'coordinator' | 'studentEmail'>,
): Promise<RowRefusal | null> {
  if (reachesAll(reach)) return null;
  const cohort = await stores.cohorts.findByName(input.cohort ?? DEFAULT_COHORT_NAME);
  if (!cohort) return 'ACCESS.NEEDS_ALL_COHORTS';
  if (!coordinatesCohort(reach, cohort.id)) return 'ACCESS.COHORT_NOT_YOURS';
  if (input.coordinator) {
    const person = await stores.people.findByEmail(input.coordinator.email);
    const already = person ? await stores.people.coordinatorScopes(person.id) : [];
    if (!already.some((cohortId) => cohortId === cohort.id || cohortId === null)) {
      return 'ACCESS.NEEDS_ALL_COHORTS';
    }
  }
  const student = await stores.people.findByEmail(input.studentEmail);
  if (student) {
    const { asStudent } = await stores.placements.cohortsOfPerson(student.id);
    if (asStudent.some((cohortId) => !coordinatesCohort(reach, cohortId))) return 'ACCESS.STUDENT_NOT_YOURS';
  }
  return null;
}
