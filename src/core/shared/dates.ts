import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { z } from 'zod';

/** A calendar date without a time or zone, `YYYY-MM-DD`. Compares correctly as a string. */
export type LocalDate = string & { readonly __brand?: 'LocalDate' };
/** A wall-clock time, `HH:mm`, 24-hour. */
export type LocalTime = string & { readonly __brand?: 'LocalTime' };
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isLocalDate(value: string): value is LocalDate {
  if (!DATE_PATTERN.test(value)) return false;
  const parsed = parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
}

export const localDateSchema = z.string().refine(isLocalDate, { message: 'expected a date as YYYY-MM-DD' });
export const localTimeSchema = z.string().regex(TIME_PATTERN, 'expected a time as HH:mm');
export const isoWeekdaySchema = z.number().int().min(1).max(7) as z.ZodType<IsoWeekday>;

/**
 * Date arithmetic on plain calendar dates, on the UTC time line: a UTC day is always 24 hours,
 * so the answer never depends on the process time zone or its daylight-saving changes. (Before,
 * a local-noon carrier went through date-fns; the same answers, about ten times the work, and
 * a school-size job asks this hundreds of thousands of times.) Years 0–99 count as 1900–1999,
 * as they did with the carrier (both `Date.UTC` and `new Date(y, …)` read them so).
 */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = utcParts(date);
  const day = new Date(Date.UTC(y, m, d + days));
  // What date-fns' `format` did with a date that is none.
  if (Number.isNaN(day.getTime())) throw new RangeError('Invalid time value');
  return `${String(day.getUTCFullYear()).padStart(4, '0')}-${String(day.getUTCMonth() + 1).padStart(2, '0')}-${String(day.getUTCDate()).padStart(2, '0')}`;
}

/** ISO weekday of a calendar date. */
export function isoWeekdayOf(date: LocalDate): IsoWeekday {
  const day = new Date(Date.UTC(...utcParts(date))).getUTCDay(); // NaN for a date that is none, as before
  return (day === 0 ? 7 : day) as IsoWeekday;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const ms = Date.UTC(...utcParts(to)) - Date.UTC(...utcParts(from));
  return Math.round(ms / 86_400_000);
}

function utcParts(date: LocalDate): [number, number, number] {
  // The usual `YYYY-MM-DD` is read by position (a split and a map cost more, hundreds of
  // thousands of times a job); anything else is read as before.
  if (date.length === 10 && date[4] === '-' && date[7] === '-') {
    return [Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))];
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m - 1, d];
}

export function firstOfMonth(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

export function addMonthsToFirst(firstOfMonthDate: LocalDate, months: number): LocalDate {
  const [y, m] = utcParts(firstOfMonthDate);
  const total = y * 12 + m + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);
export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);
