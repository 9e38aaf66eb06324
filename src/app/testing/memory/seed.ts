import type { CohortSettings } from '../../../core/shared/cohort';
import type { PlacementInput } from '../../placements/placement-input';
import { normaliseEmail } from '../../stores/people-store';
import type { MemoryStores } from './index';

/**
 * Arranges one placement in the memory stores the way a CSV import would (people, cohort,
 * mentors, coordinator), for use-case tests on the fakes. Returns the new ids.
 */
export async function seedMemoryPlacement(
  memory: MemoryStores,
  input: PlacementInput,
  at: Date,
  newCohort: Partial<CohortSettings> = {},
): Promise<{ placementId: string; studentId: string; cohortId: string; mentorIds: string[] }> {
  const [saved] = await memory.placements.save([input], at, newCohort);
  const [bundle] = saved ? await memory.placements.loadBundles({ placementIds: [saved.id] }) : [];
  if (!bundle) throw new Error('seedMemoryPlacement: nothing saved');
  return {
    placementId: bundle.placement.id,
    studentId: bundle.student.id,
    cohortId: bundle.cohort.id,
    mentorIds: input.mentors.flatMap((mentor) => {
      const found = bundle.mentors.find((m) => m.email === normaliseEmail(mentor.email));
      return found ? [found.id] : [];
    }),
  };
}
