import { randomUUID } from 'node:crypto';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { CohortSettings } from '../../core/shared/cohort';
import type { Queryable } from '../../infra/db/client';
import { type Cohort, DEFAULT_COHORT_NAME, getOrCreateCohort } from '../../infra/db/repositories/cohorts';
import { normaliseEmail } from '../../infra/db/repositories/people';
import { coordinators, people, placementMentors, placements } from '../../infra/db/schema';
import type { PlacementInput } from './placement-input';

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

type PersonRow = typeof people.$inferSelect;
type PlacementRow = typeof placements.$inferSelect;

/** Rows per multi-row statement: well under PostgreSQL's 65,535 parameters for the widest table. */
const CHUNK = 1000;

const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Creates or updates placements, each identified by (student, cohort, start date), with their
 * people, mentors and coordinator, in a bounded number of queries: everything the inputs touch
 * is read in a few batch lookups, the rows are worked through in memory in input order (exactly
 * as saving them one by one would, so a person named twice in a file ends with the later name
 * and each row reports what it changed), and the writes go out as multi-row statements.
 * Saving the same input twice reports `unchanged` and writes nothing, which makes CSV imports
 * idempotent.
 */
export async function savePlacements(
  q: Queryable,
  inputs: readonly PlacementInput[],
  at: Date,
  /** Settings for a cohort these placements create, e.g. the configured time zone. */
  newCohort: Partial<CohortSettings> = {},
): Promise<{ id: string; outcome: SaveOutcome }[]> {
  if (inputs.length === 0) return [];
  const state = await loadState(q, inputs, at, newCohort);
  const results = inputs.map((input) => applyInMemory(state, input, at));
  await writeChanges(q, state);
  return results;
}

type State = {
  people: Map<string, PersonRow>;
  peopleToWrite: Set<string>;
  cohorts: Map<string, { cohort: Cohort; createdNow: boolean }>;
  coordinatorPairs: Set<string>;
  coordinatorsToInsert: { personId: string; cohortId: string }[];
  placements: Map<string, PlacementRow>;
  placementsToWrite: Set<string>;
  mentors: Map<string, Set<string>>;
  mentorsToInsert: { placementId: string; personId: string }[];
  mentorsToDelete: { placementId: string; personId: string }[];
};

const placementKey = (studentId: string, cohortId: string, startDate: string) =>
  `${studentId}|${cohortId}|${startDate}`;

async function loadState(
  q: Queryable,
  inputs: readonly PlacementInput[],
  at: Date,
  newCohort: Partial<CohortSettings>,
): Promise<State> {
  const emails = new Set<string>();
  for (const input of inputs) {
    emails.add(normaliseEmail(input.studentEmail));
    for (const mentor of input.mentors) emails.add(normaliseEmail(mentor.email));
    if (input.coordinator) emails.add(normaliseEmail(input.coordinator.email));
  }
  const known = new Map<string, PersonRow>();
  for (const batch of chunks([...emails])) {
    for (const row of await q.select().from(people).where(inArray(people.email, batch)))
      known.set(row.email, row);
  }

  // Cohorts are few (one per class or year): one lookup-or-create per distinct name.
  const cohortsByName = new Map<string, { cohort: Cohort; createdNow: boolean }>();
  for (const name of new Set(inputs.map((input) => (input.cohort ?? DEFAULT_COHORT_NAME).trim()))) {
    const { cohort, created } = await getOrCreateCohort(q, name, at, newCohort);
    cohortsByName.set(name, { cohort, createdNow: created });
  }

  const personIds = [...known.values()].map((row) => row.id);
  const coordinatorPairs = new Set<string>();
  const existingPlacements = new Map<string, PlacementRow>();
  for (const batch of chunks(personIds)) {
    const rows = await q.select().from(coordinators).where(inArray(coordinators.personId, batch));
    for (const row of rows) if (row.cohortId) coordinatorPairs.add(`${row.personId}|${row.cohortId}`);
    for (const row of await q.select().from(placements).where(inArray(placements.studentId, batch))) {
      existingPlacements.set(placementKey(row.studentId, row.cohortId, row.startDate), row);
    }
  }
  const mentors = new Map<string, Set<string>>();
  for (const batch of chunks([...existingPlacements.values()].map((row) => row.id))) {
    const rows = await q.select().from(placementMentors).where(inArray(placementMentors.placementId, batch));
    for (const row of rows) {
      const set = mentors.get(row.placementId) ?? new Set<string>();
      set.add(row.personId);
      mentors.set(row.placementId, set);
    }
  }
  return {
    people: known,
    peopleToWrite: new Set(),
    cohorts: cohortsByName,
    coordinatorPairs,
    coordinatorsToInsert: [],
    placements: existingPlacements,
    placementsToWrite: new Set(),
    mentors,
    mentorsToInsert: [],
    mentorsToDelete: [],
  };
}

/** `upsertPerson` in memory: returns the id and whether the row changed. */
function upsertPerson(
  state: State,
  input: { email: string; name?: string | null; locale?: PersonRow['locale'] },
  at: Date,
): { id: string; changed: boolean } {
  const email = normaliseEmail(input.email);
  const existing = state.people.get(email);
  if (!existing) {
    const row: PersonRow = {
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

function applyInMemory(state: State, input: PlacementInput, at: Date): { id: string; outcome: SaveOutcome } {
  let changed = false;
  const student = upsertPerson(
    state,
    { email: input.studentEmail, name: input.studentName, locale: input.locale },
    at,
  );
  changed ||= student.changed;
  const entry = state.cohorts.get((input.cohort ?? DEFAULT_COHORT_NAME).trim());
  if (!entry) throw new Error('savePlacements: a cohort was not loaded');
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

/** Flushes what `applyInMemory` decided, parents before children, as multi-row statements. */
async function writeChanges(q: Queryable, state: State): Promise<void> {
  const peopleRows = [...state.peopleToWrite].map((email) => state.people.get(email) as PersonRow);
  for (const batch of chunks(peopleRows)) {
    await q
      .insert(people)
      .values(batch)
      .onConflictDoUpdate({
        target: people.id,
        set: { name: sql`excluded.name`, locale: sql`excluded.locale` },
      });
  }
  for (const batch of chunks(state.coordinatorsToInsert)) await q.insert(coordinators).values(batch);
  const placementRows = [...state.placementsToWrite].map((key) => state.placements.get(key) as PlacementRow);
  for (const batch of chunks(placementRows)) {
    await q
      .insert(placements)
      .values(batch)
      .onConflictDoUpdate({
        target: placements.id,
        set: {
          organisation: sql`excluded.organisation`,
          endDate: sql`excluded.end_date`,
          workingDays: sql`excluded.working_days`,
          introDate: sql`excluded.intro_date`,
          midEvaluationDate: sql`excluded.mid_evaluation_date`,
          finalEvaluationDate: sql`excluded.final_evaluation_date`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
  // A mentor removed and added back within one file cancels out.
  const removed = state.mentorsToDelete.filter(
    (pair) => !state.mentors.get(pair.placementId)?.has(pair.personId),
  );
  for (const batch of chunks(removed)) {
    await q
      .delete(placementMentors)
      .where(
        or(
          ...batch.map((pair) =>
            and(
              eq(placementMentors.placementId, pair.placementId),
              eq(placementMentors.personId, pair.personId),
            ),
          ),
        ),
      );
  }
  const added = state.mentorsToInsert.filter((pair) =>
    state.mentors.get(pair.placementId)?.has(pair.personId),
  );
  for (const batch of chunks(added)) await q.insert(placementMentors).values(batch).onConflictDoNothing();
}
