import { evaluatePlacement } from '../app/placements/evaluate';
import { SAMPLE_PEOPLE } from '../app/sample/sample-cohort';
import { localDateOf } from '../core/calendar/zoned';
import { loadPlacementBundles } from '../infra/db/repositories/placements';
import type { Runtime } from '../main';
import type { CastStory } from './cast';

/**
 * The end of the demo: each placement's status as the rules derive it from the stored history
 * (the same evaluation `export` uses), and whether the story went as promised.
 * Returns the demo's exit code: 0 when it did, 2 when not.
 */
export async function summariseDemo(
  runtime: Runtime,
  at: Date,
  placementIds: Record<string, string>,
  out: (line: string) => void,
  story: CastStory,
): Promise<number> {
  const bundles = await loadPlacementBundles(runtime.database.db, {
    placementIds: Object.values(placementIds),
  });
  const evaluations = new Map(bundles.map((bundle) => [bundle.student.email, evaluatePlacement(bundle, at)]));
  const order = [SAMPLE_PEOPLE.sam.email, SAMPLE_PEOPLE.noor.email, SAMPLE_PEOPLE.daan.email];

  out('');
  out('── Summary ──');
  for (const email of order) {
    const evaluation = evaluations.get(email);
    if (!evaluation) continue;
    const { ladder, status } = evaluation;
    const count = (wanted: string) => ladder.reports.filter((report) => report.status === wanted).length;
    const since = ladder.insufficientSince
      ? ` since ${localDateOf(ladder.insufficientSince, runtime.config.timezone)}`
      : '';
    out(
      `  ${evaluation.bundle.student.name.padEnd(13)} ${`${status}${since}`.padEnd(29)} missed deadlines: ${ladder.missCount}, ` +
        `on time: ${count('submitted')}, late: ${count('late')}, substitute assignments: ${ladder.substitutes.length}`,
    );
  }

  const sam = evaluations.get(SAMPLE_PEOPLE.sam.email);
  const noor = evaluations.get(SAMPLE_PEOPLE.noor.email);
  const daan = evaluations.get(SAMPLE_PEOPLE.daan.email);
  const verdict = daan?.ladder.timeline.find((action) => action.type === 'placement.insufficient');
  const checks = [
    {
      ok: sam?.status === 'completed' && sam.ladder.missCount === 0,
      text: 'Sam de Vries: every report on time, placement completed',
    },
    {
      ok:
        noor?.status === 'completed' &&
        noor.ladder.missCount === 1 &&
        noor.ladder.substitutes.length === 0 &&
        noor.ladder.reports.some((report) => report.status === 'late'),
      text: 'Noor Bakker: one missed deadline, handed in within grace — no substitute assignment',
    },
    {
      ok:
        daan?.status === 'insufficient' &&
        verdict?.type === 'placement.insufficient' &&
        verdict.missNumber === 4,
      text: 'Daan Visser: insufficient (onvoldoende) at the 4th missed report',
    },
    {
      ok: story.revisionApproved,
      text: 'Sam de Vries: "graag aanvullen" on the first report, revised, then approved',
    },
    {
      ok: story.substituteAssessed,
      text: 'Daan Visser: a substitute assignment handed in, read and assessed by the coordinator',
    },
  ];
  out('');
  for (const check of checks) out(`  ${check.ok ? '✓' : '✗'} ${check.text}`);
  return checks.every((check) => check.ok) ? 0 : 2;
}
