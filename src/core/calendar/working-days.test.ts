import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from './working-days';

const calendar = createWorkCalendar();

describe('working days in the Netherlands', () => {
  it.each([
    ['2027-01-01', false, 'Nieuwjaarsdag'],
    ['2027-01-02', false, 'a Saturday'],
    ['2027-01-04', true, 'an ordinary Monday'],
    ['2027-03-26', true, 'Goede Vrijdag (a working day unless the cohort closes it)'],
    ['2027-03-29', false, 'Tweede Paasdag'],
    ['2027-04-27', false, 'Koningsdag on a Tuesday'],
    ['2027-05-05', true, 'Bevrijdingsdag (a working day unless the cohort closes it)'],
    ['2027-05-06', false, 'Hemelvaartsdag'],
    ['2027-05-17', false, 'Tweede Pinksterdag'],
    ['2027-12-27', true, 'the Monday after Christmas on a weekend'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('moves Koningsdag to Saturday when 27 April is a Sunday (2025), so Monday 28 April is a working day', () => {
    expect(calendar.closedReason('2025-04-26')).toBe('Koningsdag');
    expect(calendar.isWorkingDay('2025-04-25')).toBe(true);
    expect(calendar.isWorkingDay('2025-04-28')).toBe(true);
  });

  it('finds the first working day of January 2027: Monday 4 January', () => {
    expect(calendar.firstWorkingDayOfMonth('2027-01-15')).toBe('2027-01-04');
  });

  it('skips Easter Monday for the first working day of a month that starts on it', () => {
    // 1 April 2024 was Tweede Paasdag.
    expect(calendar.firstWorkingDayOfMonth('2024-04-20')).toBe('2024-04-02');
  });

  it('treats a cohort closed date as a non-working day', () => {
    const closed = createWorkCalendar({ closedDates: ['2027-03-26'] });
    expect(closed.isWorkingDay('2027-03-26')).toBe(false);
    expect(closed.previousWorkingDay('2027-03-29')).toBe('2027-03-25');
  });

  it('steps over a long weekend in both directions', () => {
    expect(calendar.nextWorkingDay('2027-03-26')).toBe('2027-03-30');
    expect(calendar.previousWorkingDay('2027-03-30')).toBe('2027-03-26');
    expect(calendar.onOrAfter('2027-03-28')).toBe('2027-03-30');
    expect(calendar.onOrAfter('2027-03-30')).toBe('2027-03-30');
  });
});
