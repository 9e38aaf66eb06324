import { describe, expect, it } from 'vitest';
import { parseJobCron } from './cron';

const zone = 'Europe/Amsterdam';
const at = (iso: string) => new Date(iso);

describe('cron fire times in Europe/Amsterdam', () => {
  const nightly = parseJobCron('retention', '30 3 * * *', zone);
  const quarterly = parseJobCron('checkins', '*/15 * * * *', zone);

  it('keeps 03:30 local on the night clocks go forward (28 March 2027: 02:30Z, then 01:30Z)', () => {
    expect(nightly.nextFireAfter(at('2027-03-27T02:30:00Z'))).toEqual(at('2027-03-28T01:30:00Z'));
    expect(nightly.nextFireAfter(at('2027-03-28T01:30:00Z'))).toEqual(at('2027-03-29T01:30:00Z'));
  });

  it('keeps 03:30 local on the night clocks go back (31 October 2027: 01:30Z, then 02:30Z)', () => {
    expect(nightly.nextFireAfter(at('2027-10-30T01:30:00Z'))).toEqual(at('2027-10-31T02:30:00Z'));
  });

  it('counts a fire as missed only once its local time has passed', () => {
    const last = at('2027-10-30T01:30:00Z');
    // 02:29Z on 31 October is 03:29 CET: the 03:30 fire is still a minute away.
    expect(nightly.firedBetween(last, at('2027-10-31T02:29:00Z'))).toBe(false);
    expect(nightly.firedBetween(last, at('2027-10-31T02:30:00Z'))).toBe(true);
  });

  it('steps quarter-hours through the hour that is skipped in spring', () => {
    // 01:45 CET (00:45Z), then 03:00 CEST (01:00Z): the local 02:xx hour does not exist.
    expect(quarterly.nextFireAfter(at('2027-03-28T00:45:00Z'))).toEqual(at('2027-03-28T01:00:00Z'));
  });

  it('steps quarter-hours through the hour that repeats in autumn', () => {
    // 02:45 CEST (00:45Z) is followed by 02:00 CET (01:00Z), both real instants.
    expect(quarterly.nextFireAfter(at('2027-10-31T00:45:00Z'))).toEqual(at('2027-10-31T01:00:00Z'));
  });

  it('excludes a fire exactly at the last run and includes one exactly at the upper bound', () => {
    expect(quarterly.firedBetween(at('2027-03-10T09:00:00Z'), at('2027-03-10T09:14:00Z'))).toBe(false);
    expect(quarterly.firedBetween(at('2027-03-10T09:00:00Z'), at('2027-03-10T09:15:00Z'))).toBe(true);
  });

  it('finds a missed fire however long ago the last run was', () => {
    expect(nightly.firedBetween(at('2026-01-01T02:30:00Z'), at('2027-03-10T09:00:00Z'))).toBe(true);
  });

  it('refuses an expression the scheduler cannot read', () => {
    expect(() => parseJobCron('broken', '61 * * * *', zone)).toThrow(/invalid cron expression/);
  });
});
