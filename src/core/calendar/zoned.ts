import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { LocalDate, LocalTime } from '../shared/dates';

/**
 * Conversions between UTC instants and local calendar dates/times in a named IANA zone.
 * Schedules are computed on local dates and turned into instants only at the end, so a
 * Monday 09:00 job stays 09:00 across daylight-saving changes.
 */

/**
 * A zone conversion asks Intl for the zone's offset, which costs about 5 µs; a job over 10,000
 * placements asks the same few questions (the run's instant, the same due dates at 09:00) tens
 * of thousands of times, and the profile showed it as most of a check-in run. The answers never
 * change, so they are remembered; the cap only bounds memory in a process that runs for months.
 */
const MEMO_CAP = 50_000;

function memoised<R>(compute: (key: string) => R): (key: string) => R {
  const memo = new Map<string, R>();
  return (key) => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    if (memo.size >= MEMO_CAP) memo.clear();
    memo.set(key, value);
    return value;
  };
}

const localStampOf = memoised((key) => {
  const [ms, timezone] = key.split('|') as [string, string];
  return format(new TZDate(Number(ms), timezone), 'yyyy-MM-dd HH:mm');
});

export function localDateOf(at: Date, timezone: string): LocalDate {
  return localStampOf(`${at.getTime()}|${timezone}`).slice(0, 10);
}

export function localTimeOf(at: Date, timezone: string): LocalTime {
  return localStampOf(`${at.getTime()}|${timezone}`).slice(11);
}

const instantMsAt = memoised((key) => {
  const [date, time, timezone, seconds] = key.split('|') as [LocalDate, LocalTime, string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new TZDate(y, m - 1, d, hh, mm, Number(seconds), timezone).getTime();
});

/** The instant at which the wall clock in `timezone` shows `date` `time` (seconds optional). */
export function instantAt(date: LocalDate, time: LocalTime, timezone: string, seconds = 0): Date {
  return new Date(instantMsAt(`${date}|${time}|${timezone}|${seconds}`));
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
