import type { Locale } from '../../core/messages/model';
import {
  FEEDBACK_ACTIONS,
  FEEDBACK_INPUTS,
  parseVerdict,
  renderFeedbackForStudent,
  renderReflectionView,
} from '../../core/notices/feedback';
import { appTextsFor, renderNote } from '../../core/notices/texts';
import { renderReportName } from '../../core/reports/format';
import { localeOf } from '../../core/shared/person';
import { textsFor as starrTextsFor } from '../../core/starr/messages';
import type { StarrKind } from '../../core/starr/state';
import { stepIdsOf } from '../../core/starr/steps';
import { coordinatesCohort } from '../stores/people-store';
import type { PlacementBundle } from '../stores/placement-records';
import { emptyOutput, reply, type UseCaseInput, type UseCaseOutput } from './use-case';

/** Labelled answers in step order, for reading a report back. */
function labelledAnswers(kind: StarrKind, answers: Record<string, string>, locale: Locale) {
  const t = starrTextsFor(locale) as unknown as Record<string, string>;
  return stepIdsOf(kind)
    .filter((id) => answers[id])
    .map((id) => ({ label: t[`label.${id}`] ?? id, text: answers[id] as string }));
}

/** Mentors of the placement and coordinators of its cohort may read it; nobody else. */
async function mayRead(input: UseCaseInput, bundle: PlacementBundle): Promise<boolean> {
  if (bundle.mentors.some((mentor) => mentor.id === input.person.id)) return true;
  return coordinatesCohort(await input.stores.people.coordinatorScopes(input.person.id), bundle.cohort.id);
}

async function loadReport(input: UseCaseInput, reportId: string | undefined) {
  if (!reportId) return null;
  const row = await input.stores.reports.find(reportId);
  if (!row?.contentEnc) return null;
  const [bundle] = await input.stores.placements.loadBundles({ placementIds: [row.placementId] });
  return bundle ? { row, bundle } : null;
}

export async function handleFeedbackAction(
  input: UseCaseInput,
  act: { actionId: string; value?: string; formValues?: Record<string, string> },
): Promise<UseCaseOutput | null> {
  if (act.actionId !== FEEDBACK_ACTIONS.open && act.actionId !== FEEDBACK_ACTIONS.submit) return null;
  const t = appTextsFor(input.locale);
  const found = await loadReport(input, act.value);
  if (!found || !(await mayRead(input, found.bundle))) {
    return reply(renderNote('feedback.forbidden', t['error.notAllowedToRead']));
  }
  const { row, bundle } = found;
  const kind = row.kind as StarrKind;

  if (act.actionId === FEEDBACK_ACTIONS.open) {
    const answers = input.stores.unseal.reportContent(row) ?? {};
    // Reading someone else's reflection is always audit-logged (who, what, when; no content).
    await input.stores.audit.record({
      at: input.now,
      actor: input.person.id,
      action: 'reflection.read',
      subject: bundle.student.id,
      detail: { report: row.id },
    });
    return {
      ...emptyOutput(),
      view: renderReflectionView(input.locale, {
        studentName: bundle.student.name,
        reportName: renderReportName({ kind, dueDate: row.dueDate }, input.locale),
        reportId: row.id,
        answers: labelledAnswers(kind, answers, input.locale),
        currentVerdict: row.feedbackVerdict,
      }),
    };
  }

  // A verdict stands until the student revises (which clears it); until then the mentor may change it.
  const changed = row.feedbackVerdict !== null;
  const verdict = parseVerdict(act.formValues?.[FEEDBACK_INPUTS.verdict]) ?? 'approved';
  const text = act.formValues?.[FEEDBACK_INPUTS.text]?.trim() || null;
  await input.stores.reports.saveFeedback(row.id, {
    verdict,
    text,
    by: input.person.id,
    at: input.actedAt,
  });

  const studentLocale = localeOf(bundle.student, input.defaultLocale);
  const output: UseCaseOutput = { ...emptyOutput(), mentions: [bundle.student.id] };
  output.conversation.push(
    renderNote(
      'feedback.thanks',
      changed ? t['feedback.changed'](bundle.student.name) : t['feedback.thanks'](bundle.student.name),
    ),
  );
  output.outgoing.push({
    key: `${row.id}:feedback:${input.inbound.dedupeKey}`,
    to: { kind: 'person', personId: bundle.student.id },
    message: renderFeedbackForStudent(studentLocale, {
      mentorName: input.person.name,
      reportName: renderReportName({ kind, dueDate: row.dueDate }, studentLocale),
      verdict,
      text,
      changed,
    }),
    subjectId: bundle.student.id,
  });
  return output;
}
