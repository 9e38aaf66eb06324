import { z } from 'zod';
import {
  addLocalDays,
  daysBetween,
  type IsoWeekday,
  isoWeekdayOf,
  type LocalDate,
  type LocalTime,
} from '../shared/dates';
import { StagecoachError } from '../shared/errors';
import { instantAt, localDateOf } from './zoned';

/** An ISO-8601 week, `YYYY-Www` (e.g. `2027-W12`). Compares correctly as a string. */
export type IsoWeek = string & { readonly __brand?: 'IsoWeek' };

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** The Monday of ISO week 1: the week that holds 4 January. */
function mondayOfWeekOne(year: number): LocalDate {
  const fourthOfJanuary = `${String(year).padStart(4, '0')}-01-04`;
  return addLocalDays(fourthOfJanuary, 1 - isoWeekdayOf(fourthOfJanuary));
}

function weeksInYear(year: number): number {
  return daysBetween(mondayOfWeekOne(year), mondayOfWeekOne(year + 1)) / 7;
}

export function isIsoWeek(value: string): value is IsoWeek {
  const match = WEEK_PATTERN.exec(value);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= weeksInYear(Number(match[1]));
}

export const isoWeekSchema = z.string().refine(isIsoWeek, { message: 'expected an ISO week as YYYY-Www' });

/** The ISO week a calendar date lies in; early January may belong to the previous year's week. */
export function isoWeekOf(date: LocalDate): IsoWeek {
  // The week belongs to the year of its Thursday.
  const thursday = addLocalDays(date, 4 - isoWeekdayOf(date));
  const year = Number(thursday.slice(0, 4));
  const week = daysBetween(mondayOfWeekOne(year), thursday) / 7 + 1;
  return `${thursday.slice(0, 4)}-W${String(Math.floor(week)).padStart(2, '0')}`;
}

/** The seven dates of an ISO week, Monday first. Throws on a malformed week (a caller bug). */
export function datesOfIsoWeek(week: IsoWeek): LocalDate[] {
  const match = WEEK_PATTERN.exec(week);
  if (!match || !isIsoWeek(week)) {
    throw new StagecoachError('CALENDAR.BAD_WEEK', `Not an ISO week: ${JSON.stringify(week)}`);
  }
  const monday = addLocalDays(mondayOfWeekOne(Number(match[1])), (Number(match[2]) - 1) * 7);
  return [0, 1, 2, 3, 4, 5, 6].map((offset) => addLocalDays(monday, offset));
}

/** The date of `weekday` in `week`. */
export function dateInIsoWeek(week: IsoWeek, weekday: IsoWeekday): LocalDate {
  return datesOfIsoWeek(week)[weekday - 1] as LocalDate;
}

/** The week `weeks` weeks after (negative: before) `week`. */
export function addIsoWeeks(week: IsoWeek, weeks: number): IsoWeek {
  return isoWeekOf(addLocalDays(dateInIsoWeek(week, 1), weeks * 7));
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
