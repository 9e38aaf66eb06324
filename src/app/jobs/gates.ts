import { createWorkCalendar } from '../../core/calendar/working-days';
import { instantAt, localDateOf } from '../../core/calendar/zoned';
import type { CohortSettings } from '../../core/shared/cohort';
import { addLocalDays, isoWeekdayOf, type LocalDate, type LocalTime } from '../../core/shared/dates';
import { inWindow, type Window } from './job-context';

/**
 * Cheap gates from a cohort's settings alone: when they say no, the job's rules cannot put
 * anything in the window for any placement of that cohort, so the job need not load placements.
 * Each is a superset of its rule (see the job), never a guess.
 */

type Zoned = Pick<CohortSettings, 'timezone'>;

/** The local dates the window touches, in the cohort's zone. */
function datesOf(window: Window, settings: Zoned): LocalDate[] {
  const dates: LocalDate[] = [];
  const last = localDateOf(window.to, settings.timezone);
  for (let day = localDateOf(window.from, settings.timezone); day <= last; day = addLocalDays(day, 1)) {
    dates.push(day);
  }
  return dates;
}

const anyAt = (dates: LocalDate[], time: LocalTime, settings: Zoned, window: Window) =>
  dates.some((date) => inWindow(instantAt(date, time, settings.timezone), window));

/**
 * A check-in is at `checkinTime` on a working day from Monday to the cohort's check-in weekday
 * (`checkinForWeek`: that weekday or an earlier check-in day of the same week).
 */
export function checkinMayFallIn(
  settings: Pick<CohortSettings, 'timezone' | 'checkinWeekday' | 'checkinTime' | 'closedDates'>,
  window: Window,
): boolean {
  const calendar = createWorkCalendar({ closedDates: settings.closedDates });
  const days = datesOf(window, settings).filter(
    (date) =>
      isoWeekdayOf(date) <= settings.checkinWeekday &&
      calendar.isWorkingDay(date) &&
      !settings.closedDates.includes(date),
  );
  return anyAt(days, settings.checkinTime, settings, window);
}

/** A check-in reminder is at `checkinReminderTime` on a working day (`reminderAt`). */
export function checkinReminderMayFallIn(
  settings: Pick<CohortSettings, 'timezone' | 'checkinReminderTime' | 'closedDates'>,
  window: Window,
): boolean {
  const calendar = createWorkCalendar({ closedDates: settings.closedDates });
  const days = datesOf(window, settings).filter((date) => calendar.isWorkingDay(date));
  return anyAt(days, settings.checkinReminderTime, settings, window);
}

/** Closings go out from the morning reminder time of the local day on (`runClosings`). */
export function beforeMorning(
  settings: Pick<CohortSettings, 'timezone' | 'morningReminderTime'>,
  at: Date,
): boolean {
  const { timezone, morningReminderTime } = settings;
  return at.getTime() < instantAt(localDateOf(at, timezone), morningReminderTime, timezone).getTime();
}
