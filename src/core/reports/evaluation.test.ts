import { describe, expect, it } from 'vitest';
import type { LadderState } from '../escalation/types';
import { cohortSettingsSchema, DEFAULT_COHORT_SETTINGS } from '../shared/cohort';
import type { PlacementSchedule, PlacementStatus } from '../shared/placement';
import { evaluationReminders, placementStatusAt } from './evaluation';

const TZ = 'Europe/Amsterdam';

function schedule(overrides: Partial<PlacementSchedule> = {}): PlacementSchedule {
  return {
    startDate: '2027-02-01',
    endDate: '2027-06-30',
    workingDays: null,
    introDate: null,
    midEvaluationDate: '2027-04-08',
    finalEvaluationDate: '2027-06-24',
    pauses: [],
    ...overrides,
  };
}

describe('evaluation reminders', () => {
  it('reminds student and mentor a week before the mid-term and final evaluation at morning time', () => {
    const reminders = evaluationReminders(schedule(), DEFAULT_COHORT_SETTINGS);

    expect(reminders.map((r) => [r.key, r.at.toISOString(), r.audience, r.daysBefore])).toEqual([
      ['evaluation.reminder:midterm:2027-04-08:student', '2027-04-01T07:00:00.000Z', 'student', 7],
      ['evaluation.reminder:midterm:2027-04-08:mentor', '2027-04-01T07:00:00.000Z', 'mentor', 7],
      ['evaluation.reminder:final:2027-06-24:student', '2027-06-17T07:00:00.000Z', 'student', 7],
      ['evaluation.reminder:final:2027-06-24:mentor', '2027-06-17T07:00:00.000Z', 'mentor', 7],
    ]);
  });

  it('follows the cohort lead time, morning time and time zone', () => {
    const settings = cohortSettingsSchema.parse({
      evaluationReminderDays: 3,
      morningReminderTime: '08:15',
      timezone: 'Europe/London',
    });

    const [first] = evaluationReminders(schedule({ finalEvaluationDate: null }), settings);

    expect(first?.at.toISOString()).toBe('2027-04-05T07:15:00.000Z');
  });

  it('moves a reminder that falls on a holiday to the working day before', () => {
    // A week before Tuesday 4 May is Koningsdag, 27 April.
    const reminders = evaluationReminders(
      schedule({ midEvaluationDate: '2027-05-04', finalEvaluationDate: null }),
      DEFAULT_COHORT_SETTINGS,
    );

    expect(reminders.map((r) => [r.at.toISOString(), r.daysBefore])).toEqual([
      ['2027-04-26T07:00:00.000Z', 8],
      ['2027-04-26T07:00:00.000Z', 8],
    ]);
  });

  it('sends nothing without evaluation dates, or when a pause runs past the evaluation', () => {
    const none = evaluationReminders(
      schedule({ midEvaluationDate: null, finalEvaluationDate: null }),
      DEFAULT_COHORT_SETTINGS,
    );
    const paused = evaluationReminders(
      schedule({ finalEvaluationDate: null, pauses: [{ from: '2027-03-29', until: '2027-04-09' }] }),
      DEFAULT_COHORT_SETTINGS,
    );

    expect(none).toEqual([]);
    expect(paused).toEqual([]);
  });

  it('moves a reminder that falls in a pause to the first working day after it', () => {
    // Thursday 1 April is paused; the pause ends Friday 2 April, so Monday 5 April it is.
    const moved = evaluationReminders(
      schedule({ finalEvaluationDate: null, pauses: [{ from: '2027-03-29', until: '2027-04-02' }] }),
      DEFAULT_COHORT_SETTINGS,
    );

    expect(moved.map((r) => [r.audience, r.at.toISOString(), r.daysBefore])).toEqual([
      ['student', '2027-04-05T07:00:00.000Z', 3],
      ['mentor', '2027-04-05T07:00:00.000Z', 3],
    ]);
  });
});

describe('placement status', () => {
  const ladder = (insufficientSince: string | null): Pick<LadderState, 'insufficientSince' | 'timezone'> => ({
    insufficientSince: insufficientSince === null ? null : new Date(insufficientSince),
    timezone: TZ,
  });
  const paused = schedule({ pauses: [{ from: '2027-03-01', until: '2027-03-14' }] });

  // [case, stored status, ladder verdict instant, at, expected]
  const rows: Array<[string, PlacementStatus, string | null, string, PlacementStatus]> = [
    ['an ordinary day', 'active', null, '2027-03-20T12:00:00Z', 'active'],
    ['a day inside a pause', 'active', null, '2027-03-10T12:00:00Z', 'paused'],
    ['the last day of a pause (until is inclusive)', 'active', null, '2027-03-14T22:30:00Z', 'paused'],
    ['the first local day after a pause', 'active', null, '2027-03-14T23:30:00Z', 'active'],
    ['the end date itself', 'active', null, '2027-06-30T21:00:00Z', 'active'],
    ['the day after the end date', 'active', null, '2027-06-30T22:30:00Z', 'completed'],
    ['after the ladder verdict', 'active', '2027-05-04T07:00:00Z', '2027-05-05T12:00:00Z', 'insufficient'],
    ['before the ladder verdict', 'active', '2027-05-04T07:00:00Z', '2027-05-04T06:00:00Z', 'active'],
    [
      'after the end date when insufficient',
      'active',
      '2027-05-04T07:00:00Z',
      '2027-07-05T12:00:00Z',
      'insufficient',
    ],
    ['a stored insufficient decision', 'insufficient', null, '2027-03-20T12:00:00Z', 'insufficient'],
    ['a stored early end', 'ended', '2027-05-04T07:00:00Z', '2027-03-10T12:00:00Z', 'ended'],
  ];

  it.each(rows.map(([name, stored, since, at, expected]) => ({ name, stored, since, at, expected })))(
    'on $name a placement stored as $stored is $expected',
    ({ stored, since, at, expected }) => {
      expect(placementStatusAt(stored, paused, ladder(since), new Date(at))).toBe(expected);
    },
  );
});
