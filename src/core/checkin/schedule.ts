import { addIsoWeeks, datesOfIsoWeek, type IsoWeek, isoWeekOf } from '../calendar/weekly';
import type { WorkCalendar } from '../calendar/working-days';
import { instantAt, localDateOf } from '../calendar/zoned';
import type { CohortSettings } from '../shared/cohort';
import { isoWeekdayOf, type LocalDate, maxDate, minDate } from '../shared/dates';
import { isPausedOn, type PlacementSchedule } from '../shared/placement';

/** One weekly check-in of a placement: the week it belongs to, its local date and its instant. */
export type ScheduledCheckin = { week: IsoWeek; date: LocalDate; at: Date };

type ScheduleSettings = Pick<
  CohortSettings,
  'timezone' | 'checkinWeekday' | 'checkinTime' | 'checkinReminderTime' | 'closedDates'
>;

/** A day the student can get a check-in: a working day and one of the placement's own days. */
function isCheckinDay(
  date: LocalDate,
  schedule: PlacementSchedule,
  settings: ScheduleSettings,
  calendar: WorkCalendar,
): boolean {
  if (!calendar.isWorkingDay(date)) return false;
  // Also checked here so a calendar built without the cohort's closed dates cannot send one.
  if (settings.closedDates.includes(date)) return false;
  return schedule.workingDays === null || schedule.workingDays.includes(isoWeekdayOf(date));
}

/**
 * The check-in of `week`: the cohort weekday and time, or the previous check-in day of the same
 * ISO week when that day is not one. Null (skipped) when the week has no such day up to the
 * cohort weekday, when the placement is paused that day, or when the day is outside the
 * placement's start..end. Whether the placement is `active` is the caller's to check.
 */
export function checkinForWeek(
  week: IsoWeek,
  schedule: PlacementSchedule,
  settings: ScheduleSettings,
  calendar: WorkCalendar,
): ScheduledCheckin | null {
  const candidates = datesOfIsoWeek(week).slice(0, settings.checkinWeekday).reverse();
  const date = candidates.find((candidate) => isCheckinDay(candidate, schedule, settings, calendar));
  if (date === undefined) return null;
  if (date < schedule.startDate || date > schedule.endDate) return null;
  if (isPausedOn(schedule.pauses, date)) return null;
  return { week, date, at: instantAt(date, settings.checkinTime, settings.timezone) };
}

/** All check-ins of a placement whose instant lies in [from, to), oldest first. */
export function checkinsBetween(
  schedule: PlacementSchedule,
  settings: ScheduleSettings,
  calendar: WorkCalendar,
  from: Date,
  to: Date,
): ScheduledCheckin[] {
  // A check-in never leaves its own ISO week, so the placement's weeks bound the search.
  const firstDate = maxDate(localDateOf(from, settings.timezone), schedule.startDate);
  const lastDate = minDate(localDateOf(to, settings.timezone), schedule.endDate);
  if (firstDate > lastDate) return [];

  const checkins: ScheduledCheckin[] = [];
  const lastWeek = isoWeekOf(lastDate);
  for (let week = isoWeekOf(firstDate); week <= lastWeek; week = addIsoWeeks(week, 1)) {
    const checkin = checkinForWeek(week, schedule, settings, calendar);
    if (checkin && checkin.at.getTime() >= from.getTime() && checkin.at.getTime() < to.getTime()) {
      checkins.push(checkin);
    }
  }
  return checkins;
}

/**
 * The check-in that is open at `at`: the latest one sent at or before `at`. A check-in stays
 * open until the next one is sent. Null before the first check-in of the placement.
 */
export function openCheckinAt(
  schedule: PlacementSchedule,
  settings: ScheduleSettings,
  calendar: WorkCalendar,
  at: Date,
): ScheduledCheckin | null {
  const lastDate = minDate(localDateOf(at, settings.timezone), schedule.endDate);
  for (let week = isoWeekOf(lastDate); week >= isoWeekOf(schedule.startDate); week = addIsoWeeks(week, -1)) {
    const checkin = checkinForWeek(week, schedule, settings, calendar);
    if (checkin && checkin.at.getTime() <= at.getTime()) return checkin;
  }
  return null;
}

/** The one reminder for an unanswered check-in: the next working day at `checkinReminderTime`. */
export function reminderAt(
  checkinDate: LocalDate,
  settings: Pick<CohortSettings, 'timezone' | 'checkinReminderTime'>,
  calendar: WorkCalendar,
): Date {
  return instantAt(calendar.nextWorkingDay(checkinDate), settings.checkinReminderTime, settings.timezone);
}
