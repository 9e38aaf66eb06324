import { describe, expect, it } from 'vitest';
import type { PlacementSchedule } from '../shared/placement';
import { reportDueDates } from './due-dates';
import { createWorkCalendar } from './working-days';

const calendar = createWorkCalendar();

function schedule(overrides: Partial<PlacementSchedule>): PlacementSchedule {
  return {
    startDate: '2026-11-02',
    endDate: '2027-06-30',
    workingDays: null,
    introDate: null,
    midEvaluationDate: null,
    finalEvaluationDate: null,
    pauses: [],
    ...overrides,
  };
}

const monthlyDates = (placement: PlacementSchedule, cal = calendar) =>
  reportDueDates(placement, cal)
    .filter((report) => report.kind === 'monthly')
    .map((report) => report.dueDate);

describe('report due dates', () => {
  it('puts the January 2027 monthly report on Monday 4 January, the first working day after New Year', () => {
    const dates = monthlyDates(schedule({ startDate: '2026-11-02', endDate: '2027-02-26' }));

    expect(dates).toEqual(['2026-12-01', '2027-01-04', '2027-02-01']);
  });

  it.each([
    ['2027-01-18', '2027-02-01', 'exactly 14 days before 1 February still counts'],
    ['2027-01-19', '2027-03-01', '13 days before 1 February is too short, so March is first'],
    ['2027-01-04', '2027-02-01', 'a start on the first working day skips that same day'],
    ['2026-12-15', '2027-01-04', 'mid-December: 4 January is 20 days later'],
    ['2026-12-22', '2027-02-01', 'just before Christmas: 4 January is only 13 days later'],
  ])('a placement starting %s has its first monthly report on %s (%s)', (startDate, expected) => {
    const dates = monthlyDates(schedule({ startDate, endDate: '2027-06-30' }));

    expect(dates[0]).toBe(expected);
  });

  it.each([
    ['2027-06-30', '2027-06-01'],
    ['2027-06-01', '2027-06-01'],
    ['2027-05-31', '2027-05-03'],
  ])('a placement ending %s has its last monthly report on %s', (endDate, expected) => {
    const dates = monthlyDates(schedule({ startDate: '2027-01-04', endDate }));

    expect(dates.at(-1)).toBe(expected);
  });

  it('moves a monthly due date past a cohort closed date', () => {
    const closed = createWorkCalendar({ closedDates: ['2027-03-01'] });

    const dates = monthlyDates(schedule({ startDate: '2027-02-01', endDate: '2027-03-31' }), closed);

    expect(dates).toEqual(['2027-03-02']);
  });

  it('makes the intro and mid-term reports due 7 days after their meetings', () => {
    const due = reportDueDates(
      schedule({
        startDate: '2027-02-01',
        endDate: '2027-02-28',
        introDate: '2027-02-03',
        midEvaluationDate: '2027-02-10',
      }),
      calendar,
    );

    expect(due).toEqual([
      { kind: 'intro', dueDate: '2027-02-10', id: 'intro:2027-02-10' },
      { kind: 'midterm', dueDate: '2027-02-17', id: 'midterm:2027-02-17' },
    ]);
  });

  it.each([
    ['2027-04-20', '2027-04-28', 'seven days later is Koningsdag'],
    ['2027-03-21', '2027-03-30', 'seven days later is Easter Sunday, followed by Easter Monday'],
    ['2027-01-09', '2027-01-18', 'seven days later is a Saturday'],
  ])(
    'a mid-term on %s makes its report due on the next working day %s (%s)',
    (midEvaluationDate, expected) => {
      const due = reportDueDates(
        schedule({ startDate: '2027-01-04', endDate: '2027-01-05', midEvaluationDate }),
        calendar,
      );

      expect(due.map((report) => report.dueDate)).toEqual([expected]);
    },
  );

  it('does not owe a report whose due date lies inside a pause', () => {
    const due = reportDueDates(
      schedule({
        startDate: '2027-01-04',
        endDate: '2027-05-31',
        pauses: [{ from: '2027-02-15', until: '2027-03-01', reason: 'ziek' }],
      }),
      calendar,
    );

    expect(due.map((report) => report.dueDate)).toEqual(['2027-02-01', '2027-04-01', '2027-05-03']);
  });

  it('owes nothing during an open-ended pause', () => {
    const due = reportDueDates(
      schedule({
        startDate: '2027-01-04',
        endDate: '2027-05-31',
        pauses: [{ from: '2027-03-15', until: null }],
      }),
      calendar,
    );

    expect(due.map((report) => report.id)).toEqual(['monthly:2027-02-01', 'monthly:2027-03-01']);
  });

  it('sorts all reports by due date with stable ids', () => {
    const placement = schedule({
      startDate: '2027-01-04',
      endDate: '2027-04-30',
      introDate: '2027-01-25',
      midEvaluationDate: '2027-03-01',
    });

    const first = reportDueDates(placement, calendar).map((report) => report.id);
    const again = reportDueDates(placement, calendar).map((report) => report.id);

    expect(first).toEqual([
      'intro:2027-02-01',
      'monthly:2027-02-01',
      'monthly:2027-03-01',
      'midterm:2027-03-08',
      'monthly:2027-04-01',
    ]);
    expect(again).toEqual(first);
  });
});
