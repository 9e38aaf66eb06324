import { instantAt } from '../calendar/zoned';
import { addLocalDays, addMonthsToFirst, firstOfMonth, type LocalDate } from '../shared/dates';
import { assertNever } from '../shared/errors';
import type { ReportKind } from './report';

/** Intro and mid-term reports are due this many days after their meeting (see due-dates). */
const MEETING_TO_DUE_DAYS = 7;

/** The first day of the period a report looks back on: the covered month, or the meeting day. */
export function periodStart(report: { kind: ReportKind; dueDate: LocalDate }): LocalDate {
  switch (report.kind) {
    case 'monthly':
      return addMonthsToFirst(firstOfMonth(report.dueDate), -1);
    case 'intro':
    case 'midterm':
      return addLocalDays(report.dueDate, -MEETING_TO_DUE_DAYS);
    default:
      return assertNever(report.kind);
  }
}

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
  const start = periodStart(report);
  const date = report.kind === 'monthly' ? `${start.slice(0, 8)}${String(fromDay).padStart(2, '0')}` : start;
  return { date, at: instantAt(date, '00:00', timezone) };
}
