import { createWorkCalendar } from '../calendar/working-days';
import { instantAt, localDateOf } from '../calendar/zoned';
import type { LadderState } from '../escalation/types';
import type { CohortSettings } from '../shared/cohort';
import { addLocalDays, daysBetween, type LocalDate } from '../shared/dates';
import { isPausedOn, type PlacementSchedule, type PlacementStatus } from '../shared/placement';

export type EvaluationMoment = 'midterm' | 'final';

/** A private reminder before an evaluation; the app sends the mentor one to every mentor. */
export type EvaluationReminder = {
  type: 'evaluation.reminder';
  /** Idempotency key, unique within a placement; it names the date so a moved evaluation is reminded again. */
  key: string;
  at: Date;
  audience: 'student' | 'mentor';
  moment: EvaluationMoment;
  evaluationDate: LocalDate;
  /** Calendar days between the reminder and the evaluation. */
  daysBefore: number;
};

/**
 * Reminders `evaluationReminderDays` before the mid-term and final evaluation, at the morning
 * reminder time, to the student and the mentor. When that day is not a working day the
 * reminder moves to the working day before (never shortening the lead time); a reminder day
 * inside a pause moves to the first working day after the pause.
 */
export function evaluationReminders(
  schedule: PlacementSchedule,
  settings: CohortSettings,
): EvaluationReminder[] {
  const calendar = createWorkCalendar({ closedDates: settings.closedDates });
  const moments: Array<[EvaluationMoment, LocalDate | null]> = [
    ['midterm', schedule.midEvaluationDate],
    ['final', schedule.finalEvaluationDate],
  ];
  return moments.flatMap(([moment, evaluationDate]) => {
    if (evaluationDate === null) return [];
    const nominal = addLocalDays(evaluationDate, -settings.evaluationReminderDays);
    let date = calendar.isWorkingDay(nominal) ? nominal : calendar.previousWorkingDay(nominal);
    // A reminder that falls in a pause moves to the first working day after it (still before
    // the evaluation); a pause that runs past the evaluation leaves nothing to remind of.
    while (isPausedOn(schedule.pauses, date) && date < evaluationDate) date = calendar.nextWorkingDay(date);
    if (date >= evaluationDate || isPausedOn(schedule.pauses, date)) return [];
    const at = instantAt(date, settings.morningReminderTime, settings.timezone);
    const daysBefore = daysBetween(date, evaluationDate);
    return (['student', 'mentor'] as const).map(
      (audience): EvaluationReminder => ({
        type: 'evaluation.reminder',
        key: `evaluation.reminder:${moment}:${evaluationDate}:${audience}`,
        at,
        audience,
        moment,
        evaluationDate,
        daysBefore,
      }),
    );
  });
}

/**
 * The status of a placement at `at`. `ended` and `insufficient` are stored decisions (the
 * ladder's verdict counts too); after the end date a placement is `completed` unless it is
 * insufficient; otherwise `paused` while a pause covers the local date, else `active`.
 */
export function placementStatusAt(
  storedStatus: PlacementStatus,
  schedule: PlacementSchedule,
  ladder: Pick<LadderState, 'insufficientSince' | 'timezone'>,
  at: Date,
): PlacementStatus {
  if (storedStatus === 'ended') return 'ended';
  const verdict = ladder.insufficientSince !== null && ladder.insufficientSince.getTime() <= at.getTime();
  if (storedStatus === 'insufficient' || verdict) return 'insufficient';
  const today = localDateOf(at, ladder.timezone);
  if (today > schedule.endDate) return 'completed';
  return isPausedOn(schedule.pauses, today) ? 'paused' : 'active';
}
