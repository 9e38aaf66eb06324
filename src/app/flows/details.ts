import { DIGEST_DETAILS_ACTION } from '../../core/digest/render';
import type { Block, Button } from '../../core/messages/model';
import { FEEDBACK_ACTIONS } from '../../core/notices/feedback';
import { appTextsFor, renderNote } from '../../core/notices/texts';
import { renderReportName } from '../../core/reports/format';
import { STUDENT_HISTORY_ACTION } from '../../core/reports/messages';
import { audit } from '../../infra/db/repositories/audit';
import { decryptMood } from '../../infra/db/repositories/checkins';
import { coordinatesCohort, coordinatorScopes } from '../../infra/db/repositories/people';
import { loadPlacementBundles } from '../../infra/db/repositories/placements';
import { evaluatePlacement } from '../placements/evaluate';
import { emptyOutput, type FlowInput, type FlowOutput, reply } from './flow';
import { placementFields } from './status';

const RECENT_WEEKS = 4;

/**
 * The private detail view behind a digest row or an evaluation reminder: ladder, reports (each
 * readable on request) and recent check-ins. Only for the student's mentors and coordinators.
 */
export async function handleDetailsAction(
  input: FlowInput,
  act: { actionId: string; value?: string },
): Promise<FlowOutput | null> {
  if (act.actionId !== DIGEST_DETAILS_ACTION && act.actionId !== STUDENT_HISTORY_ACTION) return null;
  const t = appTextsFor(input.locale);
  const [bundle] = act.value ? await loadPlacementBundles(input.tx, { placementIds: [act.value] }) : [];
  const allowed =
    bundle &&
    (bundle.mentors.some((m) => m.id === input.person.id) ||
      coordinatesCohort(await coordinatorScopes(input.tx, input.person.id), bundle.cohort.id));
  if (!bundle || !allowed) return reply(renderNote('details.forbidden', t['error.notAllowedToRead']));

  await audit(input.tx, {
    at: input.now,
    actor: input.person.id,
    action: 'checkin.read',
    subject: bundle.student.id,
    detail: { placement: bundle.placement.id },
  });
  const evaluation = evaluatePlacement(bundle, input.now);
  const checkinLines = [...bundle.checkins]
    .sort((a, b) => (a.week < b.week ? 1 : -1))
    .slice(0, RECENT_WEEKS)
    .map((row) => {
      const mood = decryptMood(input.cipher, row);
      return mood === null
        ? t['details.notAnswered'](row.week)
        : t['details.checkin'](row.week, String(mood), row.wantsTalk ? t['details.wantsTalk'] : '');
    });
  const readable: Button[] = bundle.reports
    .filter((r) => r.contentEnc)
    .map((r) => ({
      actionId: FEEDBACK_ACTIONS.open,
      label: renderReportName(r, input.locale).slice(0, 60),
      value: r.id, // rows carry the stored report id already
    }));
  const blocks: Block[] = [
    { type: 'text', text: t['details.heading'](bundle.student.name), style: 'heading' },
    ...placementFields(evaluation, input.locale, input.cipher),
    ...(checkinLines.length
      ? [{ type: 'quote' as const, label: t['details.checkins'], text: checkinLines.join('\n') }]
      : []),
    ...(readable.length ? [{ type: 'actions' as const, buttons: readable.slice(0, 10) }] : []),
  ];
  return {
    ...emptyOutput(),
    view: { key: 'details.view', summary: t['details.heading'](bundle.student.name), blocks },
  };
}
