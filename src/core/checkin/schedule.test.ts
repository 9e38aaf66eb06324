import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../calendar/working-days';
import { type CohortSettings, DEFAULT_COHORT_SETTINGS } from '../shared/cohort';
import type { IsoWeekday } from '../shared/dates';
import type { PlacementSchedule } from '../shared/placement';
import { checkinForWeek, checkinsBetween, openCheckinAt, reminderAt } from './schedule';

const calendar = createWorkCalendar();

function placement(overrides: Partial<PlacementSchedule> = {}): PlacementSchedule {
  return {
    startDate: '2025-09-01',
    endDate: '2028-07-01',
    workingDays: null,
    introDate: null,
    midEvaluationDate: null,
    finalEvaluationDate: null,
    pauses: [],
    ...overrides,
  };
}

function cohort(overrides: Partial<CohortSettings> = {}): CohortSettings {
  return { ...DEFAULT_COHORT_SETTINGS, ...overrides };
}

const thursdayCohort = cohort({ checkinWeekday: 4 });

describe('the check-in day of a week', () => {
  it.each([
    ['2027-W12', cohort(), '2027-03-26', '2027-03-26T12:00:00.000Z', 'Goede Vrijdag stays a working day'],
    [
      '2027-W13',
      cohort(),
      '2027-04-02',
      '2027-04-02T11:00:00.000Z',
      'the Friday after the spring DST change',
    ],
    [
      '2027-W18',
      thursdayCohort,
      '2027-05-05',
      '2027-05-05T11:00:00.000Z',
      'Hemelvaart moves Thursday to Wednesday',
    ],
    [
      '2027-W18',
      cohort(),
      '2027-05-07',
      '2027-05-07T11:00:00.000Z',
      'the Friday after Hemelvaart is a working day',
    ],
    [
      '2025-W52',
      cohort(),
      '2025-12-24',
      '2025-12-24T12:00:00.000Z',
      'Tweede Kerstdag on a Friday and Kerstmis',
    ],
    ['2027-W17', cohort({ checkinWeekday: 2 }), '2027-04-26', '2027-04-26T11:00:00.000Z', 'Koningsdag'],
    ['2027-W44', cohort(), '2027-11-05', '2027-11-05T12:00:00.000Z', 'back to winter time'],
  ])('%s is on %s at %s (%s)', (week, settings, date, at) => {
    const checkin = checkinForWeek(week, placement(), settings, calendar);

    expect(checkin).toEqual({ week, date, at: new Date(at) });
  });

  it('moves a Friday check-in to Wednesday for a placement that works Monday to Wednesday', () => {
    const monToWed = placement({ workingDays: [1, 2, 3] });

    const checkin = checkinForWeek('2027-W10', monToWed, cohort(), calendar);

    expect(checkin?.date).toBe('2027-03-10');
  });

  it('uses the cohort time', () => {
    const checkin = checkinForWeek('2027-W10', placement(), cohort({ checkinTime: '15:30' }), calendar);

    expect(checkin?.at.toISOString()).toBe('2027-03-12T14:30:00.000Z');
  });

  it('never moves a check-in into the next week', () => {
    // Tuesday cohort; Monday 26 April is a working day, Tuesday 27 April is Koningsdag.
    const onlyTuesday = placement({ workingDays: [2 as IsoWeekday] });

    expect(checkinForWeek('2027-W17', onlyTuesday, cohort({ checkinWeekday: 2 }), calendar)).toBeNull();
  });

  it('skips a week that the cohort closed entirely', () => {
    const closedDates = ['2027-10-18', '2027-10-19', '2027-10-20', '2027-10-21', '2027-10-22'];
    const settings = cohort({ closedDates });

    expect(checkinForWeek('2027-W42', placement(), settings, createWorkCalendar({ closedDates }))).toBeNull();
  });

  it('honours cohort closed dates even with a calendar that does not know them', () => {
    const settings = cohort({ closedDates: ['2027-03-12'] });

    expect(checkinForWeek('2027-W10', placement(), settings, calendar)?.date).toBe('2027-03-11');
  });

  it.each([
    ['paused over the check-in day', placement({ pauses: [{ from: '2027-03-08', until: '2027-03-14' }] })],
    ['paused without an end', placement({ pauses: [{ from: '2027-03-12', until: null }] })],
    ['starting after the check-in day', placement({ startDate: '2027-03-15' })],
    ['ended before the check-in day', placement({ endDate: '2027-03-11' })],
  ])('has no check-in for a placement %s', (_name, schedule) => {
    expect(checkinForWeek('2027-W10', schedule, cohort(), calendar)).toBeNull();
  });

  it('has a check-in for a placement that starts on the check-in day', () => {
    expect(checkinForWeek('2027-W10', placement({ startDate: '2027-03-12' }), cohort(), calendar)?.date).toBe(
      '2027-03-12',
    );
  });
});

describe('check-ins in a period', () => {
  it('lists the check-ins of a placement across Easter and the spring DST change', () => {
    const schedule = placement({ startDate: '2027-03-15', endDate: '2027-04-07' });

    const checkins = checkinsBetween(
      schedule,
      cohort(),
      calendar,
      new Date('2027-01-01T00:00:00Z'),
      new Date('2027-12-31T00:00:00Z'),
    );

    expect(checkins.map(({ week, at }) => [week, at.toISOString()])).toEqual([
      ['2027-W11', '2027-03-19T12:00:00.000Z'],
      ['2027-W12', '2027-03-26T12:00:00.000Z'],
      ['2027-W13', '2027-04-02T11:00:00.000Z'],
    ]);
  });

  it('includes a check-in at `from` and excludes one at `to`', () => {
    const from = new Date('2027-03-19T12:00:00Z');
    const to = new Date('2027-03-26T12:00:00Z');

    const checkins = checkinsBetween(placement(), cohort(), calendar, from, to);

    expect(checkins.map((checkin) => checkin.date)).toEqual(['2027-03-19']);
  });

  it.each([
    ['just before the Friday check-in', '2027-03-26T11:59:00Z', '2027-W11'],
    ['at the Friday check-in', '2027-03-26T12:00:00Z', '2027-W12'],
    ['on the Monday after', '2027-03-29T08:00:00Z', '2027-W12'],
  ])('keeps the latest sent check-in open %s', (_name, at, week) => {
    expect(openCheckinAt(placement(), cohort(), calendar, new Date(at))?.week).toBe(week);
  });

  it('has no open check-in before the first one', () => {
    const schedule = placement({ startDate: '2027-03-22' });

    expect(openCheckinAt(schedule, cohort(), calendar, new Date('2027-03-25T12:00:00Z'))).toBeNull();
  });
});

describe('the reminder of an unanswered check-in', () => {
  it.each([
    ['2027-03-12', '2027-03-15T09:00:00.000Z', 'a Friday: Monday 10:00'],
    ['2027-03-26', '2027-03-30T08:00:00.000Z', 'Goede Vrijdag: Tuesday after Easter Monday, summer time'],
    ['2027-05-05', '2027-05-07T08:00:00.000Z', 'the day before Hemelvaart: Friday'],
    ['2027-03-10', '2027-03-11T09:00:00.000Z', 'a Wednesday: Thursday'],
  ])('for a check-in on %s comes at %s (%s)', (date, expected) => {
    expect(reminderAt(date, cohort(), calendar).toISOString()).toBe(expected);
  });
});
