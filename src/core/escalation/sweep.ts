import type { WorkCalendar } from '../calendar/working-days';
import { instantAt } from '../calendar/zoned';
import { reportDeadline } from '../reports/report';
import { addLocalDays, type LocalDate, maxDate } from '../shared/dates';
import type { EscalationPolicy } from './policy';

export type LocalMoment = { date: LocalDate; at: Date };

/**
 * The first scheduler run after a limit that expires at the end of `date`: the next working
 * day at the policy's sweep time (a Friday deadline is swept Monday 09:00, Koningsdag and
 * Christmas are skipped).
 */
export function sweepAfter(
  date: LocalDate,
  calendar: WorkCalendar,
  policy: EscalationPolicy,
  timezone: string,
): LocalMoment {
  const sweepDate = calendar.nextWorkingDay(date);
  return { date: sweepDate, at: instantAt(sweepDate, policy.sweepTime, timezone) };
}

/**
 * End of the grace period: `graceDays` calendar days after the due date, 23:59:59 local.
 * When holidays push the sweep past that day (or graceDays is 0), the grace runs to the end of
 * the sweep day instead, so the reminder never names a date that has already gone by.
 */
export function graceEndOf(
  dueDate: LocalDate,
  sweepDate: LocalDate,
  policy: EscalationPolicy,
  timezone: string,
): LocalMoment {
  const date = maxDate(addLocalDays(dueDate, policy.graceDays), sweepDate);
  return { date, at: reportDeadline(date, timezone) };
}

/**
 * Working days on which an owed report is reminded: `owedReminderEveryDays` calendar days after
 * the grace end and after each reminder since, moved to the next working day when needed (so
 * reminders are never closer together than the interval), while `keepGoing(instant)` holds.
 * Stops after the first instant past `horizon`; an unpaid debt would otherwise run forever.
 */
export function owedReminderMoments(
  graceEndDate: LocalDate,
  calendar: WorkCalendar,
  policy: EscalationPolicy,
  timezone: string,
  horizon: Date,
  keepGoing: (at: Date) => boolean,
): LocalMoment[] {
  const moments: LocalMoment[] = [];
  let previous = graceEndDate;
  for (;;) {
    const date = calendar.onOrAfter(addLocalDays(previous, policy.owedReminderEveryDays));
    const at = instantAt(date, policy.sweepTime, timezone);
    if (!keepGoing(at)) break;
    moments.push({ date, at });
    if (at.getTime() > horizon.getTime()) break;
    previous = date;
  }
  return moments;
}
