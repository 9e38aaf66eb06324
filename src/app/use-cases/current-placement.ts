import { evaluatePlacement, type PlacementEvaluation } from '../placements/evaluate';
import type { Stores } from '../stores/stores';

/**
 * The placement a student is working in now: the running (or paused) one, else the most recent.
 * A student rarely has more than one; when they do, the current one is what they mean.
 */
export async function currentPlacementOf(
  stores: Pick<Stores, 'placements'>,
  studentId: string,
  at: Date,
): Promise<PlacementEvaluation | null> {
  const bundles = await stores.placements.loadBundles({ studentId });
  const evaluations = bundles.map((bundle) => evaluatePlacement(bundle, at));
  const rank = (e: PlacementEvaluation) =>
    e.status === 'active' ? 0 : e.status === 'paused' ? 1 : e.status === 'insufficient' ? 2 : 3;
  evaluations.sort(
    (a, b) => rank(a) - rank(b) || b.bundle.placement.startDate.localeCompare(a.bundle.placement.startDate),
  );
  return evaluations[0] ?? null;
}
