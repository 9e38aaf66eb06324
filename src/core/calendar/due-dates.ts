import { addLocalDays, addMonthsToFirst, daysBetween, firstOfMonth, type LocalDate } from '../shared/dates';
import { isPausedOn, type PlacementSchedule } from '../shared/placement';
import type { WorkCalendar } from './working-days';

export type ReportKind = 'monthly' | 'intro' | 'midterm';

/** One report a placement owes; `id` is `${kind}:${dueDate}`, stable across recomputation. */
export type DueReport = { kind: ReportKind; dueDate: LocalDate; id: string };

/** Calendar days between the placement start and the first monthly due date, at least. */
const FIRST_MONTHLY_MIN_DAYS = 14;
/** Calendar days after the intro meeting / mid-term evaluation that its report is due. */
const DAYS_AFTER_MEETING = 7;

const KIND_ORDER: Record<ReportKind, number> = { intro: 0, midterm: 1, monthly: 2 };

export function reportIdOf(kind: ReportKind, dueDate: LocalDate): string {
  return `${kind}:${dueDate}`;
}

function monthlyDueDates(schedule: PlacementSchedule, calendar: WorkCalendar): LocalDate[] {
  const dates: LocalDate[] = [];
  const lastMonth = firstOfMonth(schedule.endDate);
  for (let month = firstOfMonth(schedule.startDate); month <= lastMonth; month = addMonthsToFirst(month, 1)) {
    const due = calendar.firstWorkingDayOfMonth(month);
    if (daysBetween(schedule.startDate, due) >= FIRST_MONTHLY_MIN_DAYS && due <= schedule.endDate) {
      dates.push(due);
    }
  }
  return dates;
}

/**
 * A report due 7 days after a meeting. When that day is not a working day (weekend, holiday,
 * closed date) it is due on the next working day instead, so a deadline never falls on a day
 * the school is closed.
 */
function meetingReportDueDate(meetingDate: LocalDate, calendar: WorkCalendar): LocalDate {
  return calendar.onOrAfter(addLocalDays(meetingDate, DAYS_AFTER_MEETING));
}

/**
 * Every report a placement owes, sorted by due date (intro before mid-term before monthly on
 * the same day). Due dates inside a pause are not owed and left out.
 */
export function reportDueDates(schedule: PlacementSchedule, calendar: WorkCalendar): DueReport[] {
  const due: DueReport[] = monthlyDueDates(schedule, calendar).map((dueDate) => ({
    kind: 'monthly',
    dueDate,
    id: reportIdOf('monthly', dueDate),
  }));
  if (schedule.introDate !== null) {
    const dueDate = meetingReportDueDate(schedule.introDate, calendar);
    due.push({ kind: 'intro', dueDate, id: reportIdOf('intro', dueDate) });
  }
  if (schedule.midEvaluationDate !== null) {
    const dueDate = meetingReportDueDate(schedule.midEvaluationDate, calendar);
    due.push({ kind: 'midterm', dueDate, id: reportIdOf('midterm', dueDate) });
  }
  return due
    .filter((report) => !isPausedOn(schedule.pauses, report.dueDate))
    .sort((a, b) =>
      a.dueDate === b.dueDate ? KIND_ORDER[a.kind] - KIND_ORDER[b.kind] : a.dueDate < b.dueDate ? -1 : 1,
    );
}
