import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { LocalDate, LocalTime } from '../shared/dates';

/**
 * Conversions between UTC instants and local calendar dates/times in a named IANA zone.
 * Schedules are computed on local dates and turned into instants only at the end, so a
 * Monday 09:00 job stays 09:00 across daylight-saving changes.
 */

export function localDateOf(at: Date, timezone: string): LocalDate {
  return format(new TZDate(at.getTime(), timezone), 'yyyy-MM-dd');
}

export function localTimeOf(at: Date, timezone: string): LocalTime {
  return format(new TZDate(at.getTime(), timezone), 'HH:mm');
}

/** The instant at which the wall clock in `timezone` shows `date` `time` (seconds optional). */
export function instantAt(date: LocalDate, time: LocalTime, timezone: string, seconds = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, seconds, timezone).getTime());
}

/** 23:59:59 local on `date`: the instant a deadline on that day expires. */
export function endOfLocalDay(date: LocalDate, timezone: string): Date {
  return instantAt(date, '23:59', timezone, 59);
}

/**
 * Daylight-saving changes in Europe happen between 02:00 and 03:00 local; a job there would
 * run twice or not at all, so schedules must avoid that hour.
 */
export function isInDstTransitionHour(time: LocalTime): boolean {
  return time.startsWith('02:');
}
