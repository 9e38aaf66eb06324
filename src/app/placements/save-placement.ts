import type { CohortSettings } from '../../core/shared/cohort';
import type { Stores } from '../stores/stores';
import type { PlacementInput } from './placement-input';
import type { SaveOutcome } from './plan-placements';

export type { SaveOutcome } from './plan-placements';

/**
 * Creates or updates one placement, identified by (student, cohort, start date), with its
 * people, mentors and coordinator (the chat `add` command, the sample cohort). Saving the same
 * input twice reports `unchanged` and writes nothing. Imports save many at once through
 * `stores.placements.save`.
 */
export async function savePlacement(
  stores: Pick<Stores, 'placements'>,
  input: PlacementInput,
  at: Date,
  /** Settings for a cohort this placement creates, e.g. the configured time zone. */
  newCohort: Partial<CohortSettings> = {},
): Promise<{ id: string; outcome: SaveOutcome }> {
  const [saved] = await stores.placements.save([input], at, newCohort);
  if (!saved) throw new Error('savePlacement: nothing saved');
  return saved;
}
