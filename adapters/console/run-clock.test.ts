import { describe, expect, it } from 'vitest';
import { dailyCronTime, stepInstants } from './run-clock';

const TZ = 'Europe/Amsterdam';

describe('stepInstants', () => {
  it('steps to each job time of every day, in order, strictly between the two instants', () => {
    const plan = {
      timezone: TZ,
      times: new Map([
        ['checkins', new Set(['13:00'])],
        ['digests', new Set(['08:30'])],
      ]),
    };

    const steps = stepInstants(new Date('2027-03-05T12:00:00Z'), new Date('2027-03-06T12:00:00Z'), plan);

    // 13:00 local on 5 March is 12:00Z itself (excluded); the next day 08:30 local comes first.
    expect(steps).toEqual([new Date('2027-03-06T07:30:00Z')]);
  });

  it('keeps wall-clock times across the change to summer time', () => {
    const plan = { timezone: TZ, times: new Map([['checkins', new Set(['13:00'])]]) };

    const steps = stepInstants(new Date('2027-03-27T00:00:00Z'), new Date('2027-03-29T00:00:00Z'), plan);

    expect(steps).toEqual([new Date('2027-03-27T12:00:00Z'), new Date('2027-03-28T11:00:00Z')]);
  });
});

describe('dailyCronTime', () => {
  it('reads a daily cron and ignores anything else', () => {
    expect(dailyCronTime('30 3 * * *')).toBe('03:30');
    expect(dailyCronTime('*/15 * * * *')).toBeNull();
    expect(dailyCronTime('30 8 * * 1')).toBeNull();
  });
});
