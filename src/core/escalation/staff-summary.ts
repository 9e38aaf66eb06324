import type { Locale, Message } from '../messages/model';
import { text } from '../messages/model';
import { renderStaffList, STUDENT_SLOT } from '../notices/staff-list';
import { detailsButton, staffTextsFor } from '../notices/staff-texts';
import { renderLadderAction, renderStaffLine } from './messages';
import type { Audience, LadderAction } from './types';

/** One ladder action for one staff member about one student. */
export type StaffLadderItem = {
  action: LadderAction;
  audience: Exclude<Audience, 'student'>;
  student: string;
  placementId: string;
  substituteText?: string | null;
};

/**
 * What a coordinator or mentor hears from one escalation run, in one message: for each student who,
 * which report, which ladder step and what happens next, students in the same situation on one
 * line, with a details button each. A single item keeps its full message of its own.
 */
export function renderStaffSummary(locale: Locale, items: readonly StaffLadderItem[]): Message[] {
  const [only] = items;
  if (items.length === 1 && only) {
    return [
      renderLadderAction(only.action, only.audience, locale, {
        student: only.student,
        substituteText: only.substituteText ?? null,
      }),
    ];
  }
  const s = staffTextsFor(locale);
  const students = new Set(items.map((item) => item.placementId));
  const buttoned = new Set<string>();
  return renderStaffList(
    {
      key: 'escalation.staff-summary',
      heading: s['summary.heading'],
      summary: s['summary.summary'](students.size),
      intro: [text(s['summary.intro'](students.size))],
      entries: items.map((item) => {
        // One details button per student, however many lines name them.
        const first = !buttoned.has(item.placementId);
        buttoned.add(item.placementId);
        return {
          line: renderStaffLine(item.action, item.audience, locale, {
            student: STUDENT_SLOT,
            substituteText: item.substituteText ?? null,
          }),
          student: item.student,
          buttons: first ? [detailsButton(locale, item.student, item.placementId)] : [],
        };
      }),
    },
    locale,
  );
}
