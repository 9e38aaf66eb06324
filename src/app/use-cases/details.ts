import { DIGEST_DETAILS_ACTION } from '../../core/digest/render';
import type { Block, Button } from '../../core/messages/model';
import { FEEDBACK_ACTIONS } from '../../core/notices/feedback';
import { SUBSTITUTE_REVIEW_ACTIONS } from '../../core/notices/substitute-review';
import { appTextsFor, renderNote } from '../../core/notices/texts';
import { formatLocalDate, renderReportName } from '../../core/reports/format';
import { STUDENT_HISTORY_ACTION } from '../../core/reports/messages';
import { evaluatePlacement, storedSubstituteKey } from '../placements/evaluate';
import { coordinatesCohort } from '../stores/people-store';
import { placementFields } from './status';
import { emptyOutput, reply, type UseCaseInput, type UseCaseOutput } from './use-case';

const RECENT_WEEKS = 4;

/**
 * The private detail view behind a digest row or an evaluation reminder: ladder, reports (each
 * readable on request) and recent check-ins. Only for the student's mentors and coordinators.
 */
export async function handleDetailsAction(
  input: UseCaseInput,
  act: { actionId: string; value?: string },
): Promise<UseCaseOutput | null> {
  if (act.actionId !== DIGEST_DETAILS_ACTION && act.actionId !== STUDENT_HISTORY_ACTION) return null;
  const t = appTextsFor(input.locale);
  const { stores } = input;
  const [bundle] = act.value ? await stores.placements.loadBundles({ placementIds: [act.value] }) : [];
  const allowed =
    bundle &&
    (bundle.mentors.some((m) => m.id === input.person.id) ||
      coordinatesCohort(await stores.people.coordinatorScopes(input.person.id), bundle.cohort.id));
  if (!bundle || !allowed) return reply(renderNote('details.forbidden', t['error.notAllowedToRead']));

  await stores.audit.record({
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
      const mood = stores.unseal.mood(row);
      return mood === null
        ? t['details.notAnswered'](row.week)
        : t['details.checkin'](row.week, String(mood), row.wantsTalk ? t['details.wantsTalk'] : '');
    });
  // The mentor's weekly-talk answers and notes: for the mentor and, in the history, the coordinator.
  const talkLines = [...bundle.checkins]
    .filter((row) => row.mentorTalk !== null)
    .sort((a, b) => (a.week < b.week ? 1 : -1))
    .slice(0, RECENT_WEEKS)
    .map((row) =>
      t['details.talkLine'](
        row.week,
        t[`details.talk.${row.mentorTalk ?? 'no'}`],
        stores.unseal.checkinText(row, 'mentorNoteEnc') ?? '',
      ),
    );
  const readable: Button[] = bundle.reports
    .filter((r) => r.contentEnc)
    .map((r) => ({
      actionId: FEEDBACK_ACTIONS.open,
      label: renderReportName(r, input.locale).slice(0, 60),
      value: r.id, // rows carry the stored report id already
    }));
  // Substitute assignments with work to read (or to assess, for a coordinator).
  const substituteButtons: Button[] = evaluation.ladder.substitutes
    .filter((s) =>
      bundle.substitutes.some((row) => row.key === storedSubstituteKey(bundle.placement.id, s.key)),
    )
    .map((s) => ({
      actionId: SUBSTITUTE_REVIEW_ACTIONS.read,
      label: t['substitute.readButton'](formatLocalDate(s.dueDate, input.locale)).slice(0, 60),
      value: storedSubstituteKey(bundle.placement.id, s.key),
    }));
  const blocks: Block[] = [
    { type: 'text', text: t['details.heading'](bundle.student.name), style: 'heading' },
    ...placementFields(evaluation, input.locale, stores.unseal),
    ...(checkinLines.length
      ? [{ type: 'quote' as const, label: t['details.checkins'], text: checkinLines.join('\n') }]
      : []),
    ...(talkLines.length
      ? [{ type: 'quote' as const, label: t['details.talks'], text: talkLines.join('\n') }]
      : []),
    ...(readable.length ? [{ type: 'actions' as const, buttons: readable.slice(0, 10) }] : []),
    ...(substituteButtons.length
      ? [{ type: 'actions' as const, buttons: substituteButtons.slice(0, 10) }]
      : []),
  ];
  return {
    ...emptyOutput(),
    view: { key: 'details.view', summary: t['details.heading'](bundle.student.name), blocks },
  };
}
