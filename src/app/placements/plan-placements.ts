import { randomUUID } from 'node:crypto';
import type { Person } from '../../core/shared/person';
import { type Cohort, DEFAULT_COHORT_NAME } from '../stores/cohort-store';
import { normaliseEmail } from '../stores/people-store';
import type { PlacementRecord } from '../stores/placement-records';
import type { PlacementInput } from './placement-input';

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

/**
 * What saving placements touches, read up front by the store (people by e-mail, cohorts by name,
 * coordinator roles, the students' placements and their mentors), and what the plan decided to
 * write. The store reads it in a few batch lookups and writes the decisions as multi-row
 * statements; the rules in between live here, the same for every store.
 */
export type SavePlan = {
  /** By normalised e-mail. */
  people: Map<string, Person>;
  peopleToWrite: Set<string>;
  /** By trimmed name; `createdNow` when the store created the cohort for this save. */
  cohorts: Map<string, { cohort: Cohort; createdNow: boolean }>;
  /** `personId|cohortId`. */
  coordinatorPairs: Set<string>;
  coordinatorsToInsert: { personId: string; cohortId: string }[];
  /** By `placementKey`. */
  placements: Map<string, PlacementRecord>;
  placementsToWrite: Set<string>;
  /** Mentor ids by placement id. */
  mentors: Map<string, Set<string>>;
  mentorsToInsert: { placementId: string; personId: string }[];
  mentorsToDelete: { placementId: string; personId: string }[];
};

/** A placement is identified by its student, cohort and start date. */
export const placementKey = (studentId: string, cohortId: string, startDate: string) =>
  `${studentId}|${cohortId}|${startDate}`;

/** Every e-mail the inputs name (students, mentors, coordinators), normalised. */
export function emailsOf(inputs: readonly PlacementInput[]): string[] {
  const emails = new Set<string>();
  for (const input of inputs) {
    emails.add(normaliseEmail(input.studentEmail));
    for (const mentor of input.mentors) emails.add(normaliseEmail(mentor.email));
    if (input.coordinator) emails.add(normaliseEmail(input.coordinator.email));
  }
  return [...emails];
}

/** Every cohort name the inputs use (the default cohort when a row names none). */
export const cohortNamesOf = (inputs: readonly PlacementInput[]): string[] => [
  ...new Set(inputs.map((input) => (input.cohort ?? DEFAULT_COHORT_NAME).trim())),
];

/** A plan over what was read, nothing decided yet. */
export const emptyPlan = (
  read: Pick<SavePlan, 'people' | 'cohorts' | 'coordinatorPairs' | 'placements' | 'mentors'>,
): SavePlan => ({
  ...read,
  peopleToWrite: new Set(),
  coordinatorsToInsert: [],
  placementsToWrite: new Set(),
  mentorsToInsert: [],
  mentorsToDelete: [],
});

/**
 * Decides each input in file order, exactly as saving them one by one would (a person named
 * twice in a file ends with the later name, and each row reports what it changed). Saving the
 * same input twice reports `unchanged` and plans no write, which makes CSV imports idempotent.
 */
export function planPlacements(
  plan: SavePlan,
  inputs: readonly PlacementInput[],
  at: Date,
): { id: string; outcome: SaveOutcome }[] {
  return inputs.map((input) => applyOne(plan, input, at));
}

/** Mentor pairs to remove and to add, net: a mentor removed and added back within one file cancels out. */
export function mentorChanges(plan: SavePlan): {
  removed: { placementId: string; personId: string }[];
  added: { placementId: string; personId: string }[];
} {
  return {
    removed: plan.mentorsToDelete.filter((pair) => !plan.mentors.get(pair.placementId)?.has(pair.personId)),
    added: plan.mentorsToInsert.filter((pair) => plan.mentors.get(pair.placementId)?.has(pair.personId)),
  };
}

/** `upsertPerson` in memory: returns the id and whether the row changed. */
function upsertPerson(
  state: SavePlan,
  input: { email: string; name?: string | null; locale?: Person['locale'] },
  at: Date,
): { id: string; changed: boolean } {
  const email = normaliseEmail(input.email);
  const existing = state.people.get(email);
  if (!existing) {
    const row: Person = {
      id: randomUUID(),
      email,
      name: input.name?.trim() || email,
      locale: input.locale ?? null,
      createdAt: at,
    };
    state.people.set(email, row);
    state.peopleToWrite.add(email);
    return { id: row.id, changed: true };
  }
  const name = input.name?.trim() || existing.name;
  const locale = input.locale ?? existing.locale;
  if (name === existing.name && locale === existing.locale) return { id: existing.id, changed: false };
  state.people.set(email, { ...existing, name, locale });
  state.peopleToWrite.add(email);
  return { id: existing.id, changed: true };
}

function applyOne(state: SavePlan, input: PlacementInput, at: Date): { id: string; outcome: SaveOutcome } {
  let changed = false;
  const student = upsertPerson(
    state,
    { email: input.studentEmail, name: input.studentName, locale: input.locale },
    at,
  );
  changed ||= student.changed;
  const entry = state.cohorts.get((input.cohort ?? DEFAULT_COHORT_NAME).trim());
  if (!entry) throw new Error('planPlacements: a cohort was not loaded');
  const { cohort } = entry;
  // Only the first placement of a cohort the save created counts the creation as its change.
  changed ||= entry.createdNow;
  entry.createdNow = false;

  const mentorIds: string[] = [];
  for (const mentor of input.mentors) {
    const saved = upsertPerson(state, { email: mentor.email, name: mentor.name }, at);
    changed ||= saved.changed;
    mentorIds.push(saved.id);
  }
  if (input.coordinator) {
    const saved = upsertPerson(state, { email: input.coordinator.email, name: input.coordinator.name }, at);
    changed ||= saved.changed;
    const pair = `${saved.id}|${cohort.id}`;
    if (!state.coordinatorPairs.has(pair)) {
      state.coordinatorPairs.add(pair);
      state.coordinatorsToInsert.push({ personId: saved.id, cohortId: cohort.id });
      changed = true;
    }
  }

  const fields = {
    organisation: input.organisation,
    startDate: input.startDate,
    endDate: input.endDate,
    workingDays: input.workingDays,
    introDate: input.introDate,
    midEvaluationDate: input.midEvaluationDate,
    finalEvaluationDate: input.finalEvaluationDate,
  };
  const key = placementKey(student.id, cohort.id, input.startDate);
  const existing = state.placements.get(key);
  let id: string;
  let outcome: SaveOutcome;
  if (!existing) {
    id = randomUUID();
    state.placements.set(key, {
      id,
      studentId: student.id,
      cohortId: cohort.id,
      ...fields,
      status: 'active',
      ladderResetAt: null,
      substituteText: null,
      closingSentAt: null,
      createdAt: at,
      updatedAt: at,
    });
    state.placementsToWrite.add(key);
    outcome = 'created';
  } else {
    id = existing.id;
    const differs =
      existing.organisation !== fields.organisation ||
      existing.endDate !== fields.endDate ||
      JSON.stringify(existing.workingDays ?? null) !== JSON.stringify(fields.workingDays) ||
      existing.introDate !== fields.introDate ||
      existing.midEvaluationDate !== fields.midEvaluationDate ||
      existing.finalEvaluationDate !== fields.finalEvaluationDate;
    if (differs) {
      state.placements.set(key, { ...existing, ...fields, updatedAt: at });
      state.placementsToWrite.add(key);
    }
    outcome = differs ? 'updated' : 'unchanged';
  }

  const current = state.mentors.get(id) ?? new Set<string>();
  state.mentors.set(id, current);
  const wanted = new Set(mentorIds);
  for (const personId of wanted) {
    if (!current.has(personId)) {
      current.add(personId);
      state.mentorsToInsert.push({ placementId: id, personId });
      changed = true;
    }
  }
  for (const personId of [...current]) {
    if (!wanted.has(personId)) {
      current.delete(personId);
      state.mentorsToDelete.push({ placementId: id, personId });
      changed = true;
    }
  }
  if (outcome === 'unchanged' && changed) outcome = 'updated';
  return { id, outcome };
}
