import { describe, expect, it } from 'vitest';
import { addIsoWeeks, datesOfIsoWeek, isIsoWeek, isoWeekOf, weeklyOccurrences } from './weekly';

const AMS = 'Europe/Amsterdam';

describe('weekly occurrences across daylight-saving changes', () => {
  it('keeps a Friday 13:00 check-in at 13:00 local around the 28 March 2027 change (12:00Z, then 11:00Z)', () => {
    const from = new Date('2027-03-15T00:00:00Z');
    const to = new Date('2027-04-10T00:00:00Z');

    const occurrences = weeklyOccurrences(5, '13:00', AMS, from, to);

    expect(occurrences.map((at) => at.toISOString())).toEqual([
      '2027-03-19T12:00:00.000Z',
      '2027-03-26T12:00:00.000Z',
      '2027-04-02T11:00:00.000Z',
      '2027-04-09T11:00:00.000Z',
    ]);
  });

  it('moves a Friday 13:00 check-in back to 12:00Z after the 31 October 2027 change', () => {
    const from = new Date('2027-10-18T00:00:00Z');
    const to = new Date('2027-11-13T00:00:00Z');

    const occurrences = weeklyOccurrences(5, '13:00', AMS, from, to);

    expect(occurrences.map((at) => at.toISOString())).toEqual([
      '2027-10-22T11:00:00.000Z',
      '2027-10-29T11:00:00.000Z',
      '2027-11-05T12:00:00.000Z',
      '2027-11-12T12:00:00.000Z',
    ]);
  });

  it.each([
    ['includes an occurrence exactly at `from`', '2027-03-19T12:00:00Z', '2027-03-20T00:00:00Z', 1],
    ['excludes an occurrence exactly at `to`', '2027-03-19T00:00:00Z', '2027-03-19T12:00:00Z', 0],
    [
      'skips an occurrence earlier on the local day of `from`',
      '2027-03-19T12:00:01Z',
      '2027-03-26T12:00:00Z',
      0,
    ],
  ])('%s', (_name, from, to, count) => {
    expect(weeklyOccurrences(5, '13:00', AMS, new Date(from), new Date(to))).toHaveLength(count);
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2027-01-01', '2026-W53', 'a Friday that belongs to the last week of 2026'],
    ['2027-01-04', '2027-W01', 'the first Monday of 2027'],
    ['2027-03-26', '2027-W12', 'Goede Vrijdag'],
    ['2027-03-28', '2027-W12', 'a Sunday closes its week'],
    ['2024-12-30', '2025-W01', 'a Monday in December that opens the next year'],
    ['2026-12-31', '2026-W53', 'a 53-week year'],
  ])('%s lies in %s (%s)', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('lists the dates of a week from Monday to Sunday', () => {
    expect(datesOfIsoWeek('2027-W12')).toEqual([
      '2027-03-22',
      '2027-03-23',
      '2027-03-24',
      '2027-03-25',
      '2027-03-26',
      '2027-03-27',
      '2027-03-28',
    ]);
  });

  it('lists a week that starts in the previous year', () => {
    expect(datesOfIsoWeek('2026-W53')[0]).toBe('2026-12-28');
    expect(datesOfIsoWeek('2026-W53')[6]).toBe('2027-01-03');
  });

  it.each([
    ['2027-W12', true],
    ['2026-W53', true],
    ['2027-W53', false],
    ['2027-W00', false],
    ['2027-12', false],
  ])('accepts %s as an ISO week: %s', (value, expected) => {
    expect(isIsoWeek(value)).toBe(expected);
  });

  it('refuses to list the dates of a malformed week', () => {
    expect(() => datesOfIsoWeek('2027-W54')).toThrow(/ISO week/);
  });

  it('steps weeks across a year boundary', () => {
    expect(addIsoWeeks('2026-W52', 2)).toBe('2027-W01');
    expect(addIsoWeeks('2027-W01', -1)).toBe('2026-W53');
  });
});
