import { UTCDate } from '@date-fns/utc';
import { addWeeks } from 'date-fns/addWeeks';
import { format } from 'date-fns/format';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeeksInYear } from 'date-fns/getISOWeeksInYear';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { setISOWeek } from 'date-fns/setISOWeek';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { startOfISOWeekYear } from 'date-fns/startOfISOWeekYear';
import { z } from 'zod';
import { addLocalDays, type IsoWeekday, isoWeekdayOf, type LocalDate, type LocalTime } from '../shared/dates';
import { StagecoachError } from '../shared/errors';
import { instantAt, localDateOf } from './zoned';

/** An ISO-8601 week, `YYYY-Www` (e.g. `2027-W12`). Compares correctly as a string. */
export type IsoWeek = string & { readonly __brand?: 'IsoWeek' };

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/**
 * A calendar date as noon UTC, the carrier date-fns computes ISO weeks on. Pinned to UTC so the
 * answer never depends on the process time zone or its daylight-saving changes. `UTCDate`, not
 * `TZDate(…, 'UTC')`: the latter asks Intl for the offset on every step, which was most of a
 * check-in run's time at 1,000 placements.
 */
function carrier(date: LocalDate): UTCDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new UTCDate(y, m - 1, d, 12);
}

function formatWeek(at: Date): IsoWeek {
  return `${String(getISOWeekYear(at)).padStart(4, '0')}-W${String(getISOWeek(at)).padStart(2, '0')}`;
}

/** Monday of `week` as a carrier; only call with a value `isIsoWeek` accepts. */
function mondayOf(year: number, week: number): UTCDate {
  // 4 January always lies in ISO week 1 of its year.
  return startOfISOWeek(
    setISOWeek(startOfISOWeekYear(carrier(`${String(year).padStart(4, '0')}-01-04`)), week),
  );
}

export function isIsoWeek(value: string): value is IsoWeek {
  const match = WEEK_PATTERN.exec(value);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= getISOWeeksInYear(carrier(`${match[1]}-01-04`));
}

export const isoWeekSchema = z.string().refine(isIsoWeek, { message: 'expected an ISO week as YYYY-Www' });

/** The ISO week a calendar date lies in; early January may belong to the previous year's week. */
export function isoWeekOf(date: LocalDate): IsoWeek {
  return formatWeek(carrier(date));
}

/** The seven dates of an ISO week, Monday first. Throws on a malformed week (a caller bug). */
export function datesOfIsoWeek(week: IsoWeek): LocalDate[] {
  const match = WEEK_PATTERN.exec(week);
  if (!match || !isIsoWeek(week)) {
    throw new StagecoachError('CALENDAR.BAD_WEEK', `Not an ISO week: ${JSON.stringify(week)}`);
  }
  const monday = format(mondayOf(Number(match[1]), Number(match[2])), 'yyyy-MM-dd');
  return [0, 1, 2, 3, 4, 5, 6].map((offset) => addLocalDays(monday, offset));
}

/** The date of `weekday` in `week`. */
export function dateInIsoWeek(week: IsoWeek, weekday: IsoWeekday): LocalDate {
  return datesOfIsoWeek(week)[weekday - 1] as LocalDate;
}

/** The week `weeks` weeks after (negative: before) `week`. */
export function addIsoWeeks(week: IsoWeek, weeks: number): IsoWeek {
  return formatWeek(addWeeks(carrier(dateInIsoWeek(week, 1)), weeks));
}

/**
 * The instants in [from, to) at which the wall clock in `timezone` shows `time` on `weekday`.
 * Computed per local date, so a Friday 13:00 job stays 13:00 local across daylight-saving
 * changes (its UTC hour moves instead).
 */
export function weeklyOccurrences(
  weekday: IsoWeekday,
  time: LocalTime,
  timezone: string,
  from: Date,
  to: Date,
): Date[] {
  const occurrences: Date[] = [];
  const firstLocalDate = localDateOf(from, timezone);
  let date = addLocalDays(firstLocalDate, (weekday - isoWeekdayOf(firstLocalDate) + 7) % 7);
  for (;;) {
    const at = instantAt(date, time, timezone);
    if (at.getTime() >= to.getTime()) return occurrences;
    if (at.getTime() >= from.getTime()) occurrences.push(at);
    date = addLocalDays(date, 7);
  }
}
