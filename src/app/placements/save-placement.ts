import type { CohortSettings } from '../../core/shared/cohort';
import type { Queryable } from '../../infra/db/client';
import type { PlacementInput } from './placement-input';
import { type SaveOutcome, savePlacements } from './save-placements';

export type { SaveOutcome } from './save-placements';

/**
 * Creates or updates one placement, identified by (student, cohort, start date), with its
 * people, mentors and coordinator (the chat `add` command, the sample cohort). Saving the same
 * input twice reports `unchanged` and writes nothing. Imports save many at once with
 * `savePlacements`.
 */
export async function savePlacement(
  q: Queryable,
  input: PlacementInput,
  at: Date,
  /** Settings for a cohort this placement creates, e.g. the configured time zone. */
  newCohort: Partial<CohortSettings> = {},
): Promise<{ id: string; outcome: SaveOutcome }> {
  const [saved] = await savePlacements(q, [input], at, newCohort);
  if (!saved) throw new Error('savePlacement: nothing saved');
  return saved;
}
