import { type Button, type Locale, type Message, text } from '../messages/model';
import { assertNever } from '../shared/errors';
import type { EvaluationReminder } from './evaluation';
import { formatDeadline, formatLocalDate, renderReportName, reportTextsFor } from './format';
import type { ReportRef, ReportReminderAction } from './reminders';

/** Same action id and keyword as the reflection conversation's own start button (`starr.start`). */
export const REPORT_START_ACTION = 'starr.start';
/** Opens a student's reflections and check-in history privately for a mentor; value = placement id. */
export const STUDENT_HISTORY_ACTION = 'mentor.student-history';

/** The button that starts (or resumes) writing the report; the typed keyword works too. */
export function renderStartButton(report: ReportRef, locale: Locale): Button {
  const t = reportTextsFor(locale);
  return {
    actionId: REPORT_START_ACTION,
    label: t['button.start'],
    value: report.id,
    keyword: t['keyword.start'],
    style: 'primary',
  };
}

/** The student's reminder 3 days before a deadline or on the morning of the due day. */
export function renderReportReminder(action: ReportReminderAction, locale: Locale): Message {
  const t = reportTextsFor(locale);
  const name = renderReportName(action.report, locale);
  const deadline = formatDeadline(action.report.dueDate, locale);
  const fields = {
    type: 'fields',
    fields: [
      { label: t['field.report'], value: name },
      { label: t['field.deadline'], value: deadline },
    ],
  } as const;
  const closing = [
    text(t.keywordHint, 'muted'),
    { type: 'actions', buttons: [renderStartButton(action.report, locale)] },
  ] as const;
  switch (action.type) {
    case 'report.reminder-before':
      return {
        key: 'reports.reminder-before',
        summary: t['reminderBefore.summary'](name, action.daysBefore),
        blocks: [
          text(t['reminderBefore.heading'](action.daysBefore), 'heading'),
          text(t['reminderBefore.body'](name, deadline)),
          fields,
          ...closing,
        ],
      };
    case 'report.due-today':
      return {
        key: 'reports.due-today',
        summary: t['dueToday.summary'](name),
        blocks: [text(t['dueToday.heading'], 'heading'), text(t['dueToday.body'](name)), fields, ...closing],
      };
    default:
      return assertNever(action);
  }
}

/**
 * The private reminder before a mid-term or final evaluation. The mentor's version carries a
 * button to the student's reflections and check-in history; it never quotes them itself.
 */
export function renderEvaluationReminder(
  reminder: EvaluationReminder,
  locale: Locale,
  details: { student: string; placementId: string },
): Message {
  const t = reportTextsFor(locale);
  const moment = t[`evaluation.${reminder.moment}`];
  const date = formatLocalDate(reminder.evaluationDate, locale);
  const when = t['evaluation.when'](reminder.daysBefore);
  switch (reminder.audience) {
    case 'student':
      return {
        key: `reports.evaluation.${reminder.moment}.student`,
        summary: t['evaluation.student.summary'](moment, date),
        blocks: [
          text(t['evaluation.student.heading'](moment), 'heading'),
          text(t['evaluation.student.body'](moment, when, date)),
        ],
      };
    case 'mentor':
      return {
        key: `reports.evaluation.${reminder.moment}.mentor`,
        summary: t['evaluation.mentor.summary'](moment, details.student, date),
        blocks: [
          text(t['evaluation.mentor.heading'](moment, details.student), 'heading'),
          text(t['evaluation.mentor.body'](moment, details.student, when, date)),
          {
            type: 'actions',
            buttons: [
              { actionId: STUDENT_HISTORY_ACTION, label: t['button.history'], value: details.placementId },
            ],
          },
        ],
      };
    default:
      return assertNever(reminder.audience);
  }
}
