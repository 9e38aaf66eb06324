import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../core/calendar/working-days';
import { instantAt, localDateOf } from '../../core/calendar/zoned';
import { checkinsBetween, reminderAt } from '../../core/checkin/schedule';
import { type CohortSettings, DEFAULT_COHORT_SETTINGS } from '../../core/shared/cohort';
import { addLocalDays, type IsoWeekday, type LocalDate } from '../../core/shared/dates';
import type { PlacementSchedule } from '../../core/shared/placement';
import { beforeMorning, checkinMayFallIn, checkinReminderMayFallIn } from './gates';

const TZ = 'Europe/Amsterdam';
const cohort = (overrides: Partial<CohortSettings> = {}): CohortSettings => ({
  ...DEFAULT_COHORT_SETTINGS,
  ...overrides,
});
const at = (date: LocalDate, time: string) => instantAt(date, time, TZ);
/** The scheduler's window of a daily fire: the 24 hours up to `to`. */
const dayUpTo = (to: Date) => ({ from: new Date(to.getTime() - 86_400_000), to });

// 2027: clocks go forward on Sunday 28 March; Easter Monday is 29 March; King's Day Tuesday 27 April.
describe('checkinMayFallIn', () => {
  it.each([
    ['Friday 13:00, the check-in weekday', at('2027-03-26', '13:00'), true],
    ['Saturday of the DST weekend', at('2027-03-27', '13:00'), false],
    ['Sunday of the DST weekend (23 h day)', at('2027-03-28', '13:00'), false],
    ['Easter Monday, a Dutch holiday', at('2027-03-29', '13:00'), false],
    ['Tuesday after Easter', at('2027-03-30', '13:00'), true],
    ["King's Day", at('2027-04-27', '13:00'), false],
    ['a minute before the check-in time', at('2027-03-30', '12:59'), false],
  ])('%s', (_, to, expected) => {
    expect(checkinMayFallIn(cohort(), dayUpTo(to))).toBe(expected);
  });

  it('only up to the cohort weekday, and not on its closed dates', () => {
    const wednesday = cohort({ checkinWeekday: 3 });
    expect(checkinMayFallIn(wednesday, dayUpTo(at('2027-03-31', '13:00')))).toBe(true);
    expect(checkinMayFallIn(wednesday, dayUpTo(at('2027-04-01', '13:00')))).toBe(false);
    const closed = cohort({ closedDates: ['2027-03-31'] });
    expect(checkinMayFallIn(closed, dayUpTo(at('2027-03-31', '13:00')))).toBe(false);
  });

  it.each([5, 3, 1] as IsoWeekday[])(
    'says yes for every check-in the rule puts in a window (weekday %i, a semester with DST and holidays)',
    (checkinWeekday) => {
      const settings = cohort({ checkinWeekday, closedDates: ['2027-05-06'] });
      const calendar = createWorkCalendar({ closedDates: settings.closedDates });
      const schedules: PlacementSchedule[] = [null, [2, 4] as IsoWeekday[], [1] as IsoWeekday[]].map(
        (workingDays) => ({
          startDate: '2027-02-01',
          endDate: '2027-06-25',
          workingDays,
          introDate: null,
          midEvaluationDate: null,
          finalEvaluationDate: null,
          pauses: [],
        }),
      );
      const checkins = schedules.flatMap((schedule) =>
        checkinsBetween(schedule, settings, calendar, at('2027-01-31', '00:00'), at('2027-07-01', '00:00')),
      );
      // Every window that holds a check-in instant: the shortest (ending on it) and a day long.
      for (const { at: moment } of checkins) {
        expect(checkinMayFallIn(settings, { from: new Date(moment.getTime() - 1), to: moment })).toBe(true);
        expect(checkinMayFallIn(settings, dayUpTo(new Date(moment.getTime() + 3_600_000)))).toBe(true);
      }
      const due = checkins.length;
      expect(due).toBeGreaterThan(15);
    },
  );
});

describe('checkinReminderMayFallIn', () => {
  it.each([
    ['Saturday', at('2027-03-27', '10:00'), false],
    ['Sunday of the DST change', at('2027-03-28', '10:00'), false],
    ['Easter Monday', at('2027-03-29', '10:00'), false],
    ['Tuesday after Easter', at('2027-03-30', '10:00'), true],
    ['before the reminder time', at('2027-03-30', '09:59'), false],
  ])('%s', (_, to, expected) => {
    expect(checkinReminderMayFallIn(cohort(), dayUpTo(to))).toBe(expected);
  });

  it('says yes at every reminder the rule gives (a check-in on Friday before Easter)', () => {
    const settings = cohort();
    const calendar = createWorkCalendar();
    for (let date: LocalDate = '2027-03-22'; date <= '2027-05-07'; date = addLocalDays(date, 1)) {
      const reminder = reminderAt(date, settings, calendar);
      expect(localDateOf(reminder, TZ) > date).toBe(true);
      expect(checkinReminderMayFallIn(settings, dayUpTo(reminder))).toBe(true);
    }
  });
});

describe('beforeMorning', () => {
  it('is true until the morning reminder time of the local day, across the DST change', () => {
    expect(beforeMorning(cohort(), at('2027-03-28', '08:59'))).toBe(true);
    expect(beforeMorning(cohort(), at('2027-03-28', '09:00'))).toBe(false);
    expect(beforeMorning(cohort(), at('2027-03-28', '23:59'))).toBe(false);
    expect(beforeMorning(cohort({ morningReminderTime: '10:30' }), at('2027-10-31', '10:00'))).toBe(true);
  });
});
