import { instantAt } from '../calendar/zoned';
import { addLocalDays, addMonthsToFirst, firstOfMonth, type LocalDate } from '../shared/dates';
import { assertNever } from '../shared/errors';
import type { ReportKind } from './report';

/** Intro and mid-term reports are due this many days after their meeting (see due-dates). */
const MEETING_TO_DUE_DAYS = 7;

/**
 * When a report may be handed in at the earliest: a reflection looks back, so the period it
 * covers must have mostly passed. A monthly report (due early in the next month) opens on day
 * `fromDay` of the month it covers; an intro or mid-term report on the day of its meeting.
 */
export function handInOpens(
  report: { kind: ReportKind; dueDate: LocalDate },
  fromDay: number,
  timezone: string,
): { date: LocalDate; at: Date } {
  let date: LocalDate;
  switch (report.kind) {
    case 'monthly': {
      const covered = addMonthsToFirst(firstOfMonth(report.dueDate), -1);
      date = `${covered.slice(0, 8)}${String(fromDay).padStart(2, '0')}`;
      break;
    }
    case 'intro':
    case 'midterm':
      date = addLocalDays(report.dueDate, -MEETING_TO_DUE_DAYS);
      break;
    default:
      return assertNever(report.kind);
  }
  return { date, at: instantAt(date, '00:00', timezone) };
}
