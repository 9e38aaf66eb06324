import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { CohortSettings } from '../../core/shared/cohort';
import type { Queryable } from '../../infra/db/client';
import { DEFAULT_COHORT_NAME, getOrCreateCohort } from '../../infra/db/repositories/cohorts';
import { upsertPerson } from '../../infra/db/repositories/people';
import { coordinators, placementMentors, placements } from '../../infra/db/schema';
import type { PlacementInput } from './placement-input';

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Creates or updates one placement, identified by (student, cohort, start date), with its
 * people, mentors and coordinator. Saving the same input twice reports `unchanged` and writes
 * nothing, which makes CSV imports idempotent.
 */
export async function savePlacement(
  q: Queryable,
  input: PlacementInput,
  at: Date,
  /** Settings for a cohort this placement creates, e.g. the configured time zone. */
  newCohort: Partial<CohortSettings> = {},
): Promise<{ id: string; outcome: SaveOutcome }> {
  let changed = false;
  const student = await upsertPerson(
    q,
    { email: input.studentEmail, name: input.studentName, locale: input.locale },
    at,
  );
  changed ||= student.changed;
  const { cohort, created: cohortCreated } = await getOrCreateCohort(
    q,
    input.cohort ?? DEFAULT_COHORT_NAME,
    at,
    newCohort,
  );
  changed ||= cohortCreated;

  const mentorIds: string[] = [];
  for (const mentor of input.mentors) {
    const saved = await upsertPerson(q, { email: mentor.email, name: mentor.name }, at);
    changed ||= saved.changed;
    mentorIds.push(saved.id);
  }
  if (input.coordinator) {
    const saved = await upsertPerson(q, { email: input.coordinator.email, name: input.coordinator.name }, at);
    changed ||= saved.changed;
    const existing = await q
      .select()
      .from(coordinators)
      .where(and(eq(coordinators.personId, saved.id), eq(coordinators.cohortId, cohort.id)));
    if (existing.length === 0) {
      await q.insert(coordinators).values({ personId: saved.id, cohortId: cohort.id });
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
  const [existing] = await q
    .select()
    .from(placements)
    .where(
      and(
        eq(placements.studentId, student.id),
        eq(placements.cohortId, cohort.id),
        eq(placements.startDate, input.startDate),
      ),
    );

  let id: string;
  let outcome: SaveOutcome;
  if (!existing) {
    id = randomUUID();
    await q.insert(placements).values({
      id,
      studentId: student.id,
      cohortId: cohort.id,
      ...fields,
      status: 'active',
      createdAt: at,
      updatedAt: at,
    });
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
    if (differs)
      await q
        .update(placements)
        .set({ ...fields, updatedAt: at })
        .where(eq(placements.id, id));
    outcome = differs ? 'updated' : 'unchanged';
  }

  const currentMentors = await q
    .select({ personId: placementMentors.personId })
    .from(placementMentors)
    .where(eq(placementMentors.placementId, id));
  const current = new Set(currentMentors.map((row) => row.personId));
  const wanted = new Set(mentorIds);
  for (const personId of wanted) {
    if (!current.has(personId)) {
      await q.insert(placementMentors).values({ placementId: id, personId });
      changed = true;
    }
  }
  for (const personId of current) {
    if (!wanted.has(personId)) {
      await q
        .delete(placementMentors)
        .where(and(eq(placementMentors.placementId, id), eq(placementMentors.personId, personId)));
      changed = true;
    }
  }
  if (outcome === 'unchanged' && changed) outcome = 'updated';
  return { id, outcome };
}
