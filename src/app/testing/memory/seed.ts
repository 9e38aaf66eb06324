import { randomUUID } from 'node:crypto';
import { cohortSettingsSchema } from '../../../core/shared/cohort';
import type { PlacementInput } from '../../placements/placement-input';
import { DEFAULT_COHORT_NAME } from '../../stores/cohort-store';
import type { MemoryStores } from './index';

/**
 * Arranges one placement in the memory stores the way a CSV import would (people, cohort,
 * mentors, coordinator), for use-case tests on the fakes. Returns the new ids.
 */
export async function seedMemoryPlacement(
  memory: MemoryStores,
  input: PlacementInput,
  at: Date,
  newCohort: Record<string, unknown> = {},
): Promise<{ placementId: string; studentId: string; cohortId: string; mentorIds: string[] }> {
  const people = memory.people;
  const student = await people.upsert(
    { email: input.studentEmail, name: input.studentName, locale: input.locale },
    at,
  );
  const name = input.cohort ?? DEFAULT_COHORT_NAME;
  const tables = memory.tables();
  let cohort = tables.cohorts.find((c) => c.name === name);
  if (!cohort) {
    cohort = { id: randomUUID(), name, settings: cohortSettingsSchema.parse(newCohort), digestChannel: null };
    tables.cohorts.push(cohort);
  }
  const mentorIds: string[] = [];
  for (const mentor of input.mentors) mentorIds.push((await people.upsert(mentor, at)).id);
  if (input.coordinator) {
    const coordinator = await people.upsert(input.coordinator, at);
    await people.addCoordinator(coordinator.id, cohort.id);
  }
  const placementId = randomUUID();
  tables.placements.push({
    id: placementId,
    studentId: student.id,
    cohortId: cohort.id,
    organisation: input.organisation,
    startDate: input.startDate,
    endDate: input.endDate,
    workingDays: input.workingDays,
    introDate: input.introDate,
    midEvaluationDate: input.midEvaluationDate,
    finalEvaluationDate: input.finalEvaluationDate,
    status: 'active',
    ladderResetAt: null,
    substituteText: null,
    closingSentAt: null,
    createdAt: at,
    updatedAt: at,
  });
  for (const personId of mentorIds) tables.placementMentors.push({ placementId, personId });
  return { placementId, studentId: student.id, cohortId: cohort.id, mentorIds };
}
