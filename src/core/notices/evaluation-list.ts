import { type Locale, type Message, text } from '../messages/model';
import { pick } from '../messages/texts';
import * as reportTexts from '../messages/texts/reports';
import type { EvaluationReminder } from '../reports/evaluation';
import { formatLocalDate } from '../reports/format';
import { renderEvaluationReminder } from '../reports/messages';
import { renderStaffList, STUDENT_SLOT } from './staff-list';
import { detailsButton, staffTextsFor } from './staff-texts';

export type MentorEvaluationItem = { reminder: EvaluationReminder; student: string; placementId: string };

/**
 * A mentor's evaluation reminders of one run in one message: each student with the moment and
 * date (students with the same evaluation date share a line) and a details button. One reminder
 * keeps its own message.
 */
export function renderEvaluationReminderList(
  locale: Locale,
  items: readonly MentorEvaluationItem[],
): Message[] {
  const [only] = items;
  if (items.length === 1 && only) {
    return [
      renderEvaluationReminder(only.reminder, locale, {
        student: only.student,
        placementId: only.placementId,
      }),
    ];
  }
  const t = pick(reportTexts, locale);
  const s = staffTextsFor(locale);
  const summary = s['evaluation.summary'](items.length);
  const buttoned = new Set<string>();
  return renderStaffList(
    {
      key: 'reports.evaluation.mentor-list',
      heading: s['evaluation.heading'],
      summary,
      intro: [text(summary)],
      entries: items.map(({ reminder, student, placementId }) => {
        const first = !buttoned.has(placementId);
        buttoned.add(placementId);
        return {
          line: t['evaluation.mentor.summary'](
            t[`evaluation.${reminder.moment}`],
            STUDENT_SLOT,
            formatLocalDate(reminder.evaluationDate, locale),
          ),
          student,
          buttons: first ? [detailsButton(locale, student, placementId)] : [],
        };
      }),
    },
    locale,
  );
}
