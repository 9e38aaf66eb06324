import { describe, expect, it } from 'vitest';
import { endOfLocalDay, instantAt, localDateOf, localTimeOf } from './zoned';

const AMS = 'Europe/Amsterdam';

describe('local calendar time in Europe/Amsterdam', () => {
  it.each([
    ['2027-03-26', '13:00', '2027-03-26T12:00:00.000Z', 'winter time (UTC+1)'],
    ['2027-03-29', '13:00', '2027-03-29T11:00:00.000Z', 'summer time after the 28 March change (UTC+2)'],
    ['2027-10-29', '13:00', '2027-10-29T11:00:00.000Z', 'still summer time'],
    ['2027-11-01', '13:00', '2027-11-01T12:00:00.000Z', 'winter time after the 31 October change'],
  ])('%s %s local is %s (%s)', (date, time, expected) => {
    expect(instantAt(date, time, AMS).toISOString()).toBe(expected);
  });

  it('ends a local day at 23:59:59 local', () => {
    expect(endOfLocalDay('2027-01-04', AMS).toISOString()).toBe('2027-01-04T22:59:59.000Z');
    expect(endOfLocalDay('2027-06-01', AMS).toISOString()).toBe('2027-06-01T21:59:59.000Z');
  });

  it('reads the local date of an instant, not the UTC date', () => {
    const justAfterMidnightLocal = new Date('2027-01-04T23:30:00Z');
    expect(localDateOf(justAfterMidnightLocal, AMS)).toBe('2027-01-05');
    expect(localTimeOf(justAfterMidnightLocal, AMS)).toBe('00:30');
  });
});
