import { and, eq, inArray, or, sql } from 'drizzle-orm';
import {
  cohortNamesOf,
  emailsOf,
  emptyPlan,
  mentorChanges,
  placementKey,
  planPlacements,
  type SavePlan,
} from '../../../app/placements/plan-placements';
import type { PlacementRecord } from '../../../app/stores/placement-records';
import type { PlacementStore } from '../../../app/stores/placement-store';
import type { CohortSettings } from '../../../core/shared/cohort';
import type { Person } from '../../../core/shared/person';
import type { Queryable } from '../client';
import { type Cohort, getOrCreateCohort } from '../repositories/cohorts';
import { coordinators, people, placementMentors, placements } from '../schema';
import { chunks } from './chunks';

/**
 * Saves placements in a bounded number of queries: everything the inputs touch is read in a few
 * batch lookups, `planPlacements` decides in memory, and the writes go out as multi-row
 * statements.
 */
export function saveOn(q: Queryable): PlacementStore['save'] {
  return async (inputs, at, newCohort = {}) => {
    if (inputs.length === 0) return [];
    const plan = await readPlan(q, inputs, at, newCohort);
    const results = planPlacements(plan, inputs, at);
    await writePlan(q, plan);
    return results;
  };
}

async function readPlan(
  q: Queryable,
  inputs: Parameters<PlacementStore['save']>[0],
  at: Date,
  newCohort: Partial<CohortSettings>,
): Promise<SavePlan> {
  const known = new Map<string, Person>();
  for (const batch of chunks(emailsOf(inputs))) {
    for (const row of await q.select().from(people).where(inArray(people.email, batch)))
      known.set(row.email, row);
  }
  // Cohorts are few (one per class or year): one lookup-or-create per distinct name.
  const cohortsByName = new Map<string, { cohort: Cohort; createdNow: boolean }>();
  for (const name of cohortNamesOf(inputs)) {
    const { cohort, created } = await getOrCreateCohort(q, name, at, newCohort);
    cohortsByName.set(name, { cohort, createdNow: created });
  }
  const personIds = [...known.values()].map((row) => row.id);
  const coordinatorPairs = new Set<string>();
  const existing = new Map<string, PlacementRecord>();
  for (const batch of chunks(personIds)) {
    const rows = await q.select().from(coordinators).where(inArray(coordinators.personId, batch));
    for (const row of rows) if (row.cohortId) coordinatorPairs.add(`${row.personId}|${row.cohortId}`);
    for (const row of await q.select().from(placements).where(inArray(placements.studentId, batch))) {
      existing.set(placementKey(row.studentId, row.cohortId, row.startDate), row);
    }
  }
  const mentors = new Map<string, Set<string>>();
  for (const batch of chunks([...existing.values()].map((row) => row.id))) {
    const rows = await q.select().from(placementMentors).where(inArray(placementMentors.placementId, batch));
    for (const row of rows) {
      const set = mentors.get(row.placementId) ?? new Set<string>();
      set.add(row.personId);
      mentors.set(row.placementId, set);
    }
  }
  return emptyPlan({
    people: known,
    cohorts: cohortsByName,
    coordinatorPairs,
    placements: existing,
    mentors,
  });
}

/** Writes what the plan decided, parents before children, as multi-row statements. */
async function writePlan(q: Queryable, plan: SavePlan): Promise<void> {
  const peopleRows = [...plan.peopleToWrite].map((email) => plan.people.get(email) as Person);
  for (const batch of chunks(peopleRows)) {
    await q
      .insert(people)
      .values(batch)
      .onConflictDoUpdate({
        target: people.id,
        set: { name: sql`excluded.name`, locale: sql`excluded.locale` },
      });
  }
  for (const batch of chunks(plan.coordinatorsToInsert)) await q.insert(coordinators).values(batch);
  const placementRows = [...plan.placementsToWrite].map((key) => plan.placements.get(key) as PlacementRecord);
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
  const { removed, added } = mentorChanges(plan);
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
  for (const batch of chunks(added)) await q.insert(placementMentors).values(batch).onConflictDoNothing();
}
