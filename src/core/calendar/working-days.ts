import Holidays from 'date-holidays';
import { addLocalDays, type IsoWeekday, isoWeekdayOf, type LocalDate } from '../shared/dates';

/**
 * Working days: Monday–Friday, not a Dutch public holiday, not a cohort's extra closed date.
 * Goede Vrijdag and Bevrijdingsdag are "school"/"observance" days in date-holidays, not
 * public holidays, so they stay working days unless the cohort closes them.
 */
export type WorkCalendar = {
  isWorkingDay(date: LocalDate): boolean;
  /** The holiday's name when `date` is a public holiday or a closed date, else null. */
  closedReason(date: LocalDate): string | null;
  nextWorkingDay(after: LocalDate): LocalDate;
  previousWorkingDay(before: LocalDate): LocalDate;
  /** `date` itself when it is a working day, else the next one. */
  onOrAfter(date: LocalDate): LocalDate;
  /** The first working day of the month that `anyDateInMonth` lies in. */
  firstWorkingDayOfMonth(anyDateInMonth: LocalDate): LocalDate;
};

export type WorkCalendarOptions = {
  /** Extra closed dates of a cohort (e.g. a school's study day), `YYYY-MM-DD`. */
  closedDates?: readonly LocalDate[];
  /** Country code for public holidays; the Netherlands unless a school is elsewhere. */
  country?: string;
};

const holidayCache = new Map<string, Map<LocalDate, string>>();

function publicHolidays(country: string, year: number): Map<LocalDate, string> {
  const cacheKey = `${country}:${year}`;
  let days = holidayCache.get(cacheKey);
  if (!days) {
    days = new Map();
    for (const holiday of new Holidays(country).getHolidays(year)) {
      if (holiday.type === 'public') days.set(holiday.date.slice(0, 10), holiday.name);
    }
    holidayCache.set(cacheKey, days);
  }
  return days;
}

const SEARCH_LIMIT = 366; // days; a year without a working day means a broken closed-dates list

export function createWorkCalendar(options: WorkCalendarOptions = {}): WorkCalendar {
  const country = options.country ?? 'NL';
  const closed = new Set(options.closedDates ?? []);

  const closedReason = (date: LocalDate): string | null => {
    const holiday = publicHolidays(country, Number(date.slice(0, 4))).get(date);
    if (holiday) return holiday;
    return closed.has(date) ? 'closed' : null;
  };

  const isWorkingDay = (date: LocalDate): boolean => {
    const weekday: IsoWeekday = isoWeekdayOf(date);
    return weekday <= 5 && closedReason(date) === null;
  };

  const step = (from: LocalDate, direction: 1 | -1): LocalDate => {
    let date = from;
    for (let i = 0; i < SEARCH_LIMIT; i++) {
      date = addLocalDays(date, direction);
      if (isWorkingDay(date)) return date;
    }
    throw new RangeError(`No working day within a year of ${from}`);
  };

  return {
    isWorkingDay,
    closedReason,
    nextWorkingDay: (after) => step(after, 1),
    previousWorkingDay: (before) => step(before, -1),
    onOrAfter: (date) => (isWorkingDay(date) ? date : step(date, 1)),
    firstWorkingDayOfMonth: (anyDateInMonth) => {
      const first = `${anyDateInMonth.slice(0, 7)}-01`;
      return isWorkingDay(first) ? first : step(first, 1);
    },
  };
}
