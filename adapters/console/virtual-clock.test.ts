import { describe, expect, it } from 'vitest';
import { parseClockInput } from './virtual-clock';

const TZ = 'Europe/Amsterdam';

describe('parseClockInput', () => {
  it('reads a local date and time in the configured zone', () => {
    expect(parseClockInput('2027-03-05 13:00', TZ)).toEqual(new Date('2027-03-05T12:00:00Z'));
    expect(parseClockInput('2027-07-05T09:30', TZ)).toEqual(new Date('2027-07-05T07:30:00Z'));
  });

  it('reads a bare date as local midnight and an instant with an offset as is', () => {
    expect(parseClockInput('2027-03-05', TZ)).toEqual(new Date('2027-03-04T23:00:00Z'));
    expect(parseClockInput('2027-03-05T13:00:00Z', TZ)).toEqual(new Date('2027-03-05T13:00:00Z'));
  });

  it.each(['morgen', '2027-03-05 25:00', '2027-03'])('rejects %j', (input) => {
    expect(parseClockInput(input, TZ)).toBeNull();
  });
});
