import { instantAt } from '../calendar/zoned';
import { addLocalDays, type LocalDate, type LocalTime } from '../shared/dates';
import { type ReportKind, type ReportRecord, submittedAsOf } from './report';

/** Who a scheduled action is meant for; the app resolves each to the placement's people. */
export type Audience = 'student' | 'mentor' | 'coordinator';

/** The report an action is about, enough to name it in a message (never its content). */
export type ReportRef = { id: string; kind: ReportKind; dueDate: LocalDate };

/** Days before the due date of the early reminder. */
export const REMINDER_DAYS_BEFORE = 3;

type ReminderBase = {
  /** Idempotency key, unique within a placement and stable across recomputation. */
  key: string;
  at: Date;
  audience: readonly Audience[];
  report: ReportRef;
};

export type ReportReminderAction =
  | (ReminderBase & { type: 'report.reminder-before'; daysBefore: number })
  | (ReminderBase & { type: 'report.due-today' });

export function reportRefOf(report: Pick<ReportRecord, 'id' | 'kind' | 'dueDate'>): ReportRef {
  return { id: report.id, kind: report.kind, dueDate: report.dueDate };
}

/**
 * The student's reminders before a deadline: 3 calendar days before and on the morning of the
 * due day, each only while the report has not been handed in by then. Excused reports get none.
 */
export function reportReminders(
  report: ReportRecord,
  morningTime: LocalTime,
  timezone: string,
): ReportReminderAction[] {
  if (report.excused) return [];
  const ref = reportRefOf(report);
  const audience: readonly Audience[] = ['student'];
  const stillOpenAt = (at: Date) => submittedAsOf(report, at) === null;
  const actions: ReportReminderAction[] = [];
  const before = instantAt(addLocalDays(report.dueDate, -REMINDER_DAYS_BEFORE), morningTime, timezone);
  if (stillOpenAt(before)) {
    actions.push({
      type: 'report.reminder-before',
      key: `report.reminder-before:${report.id}`,
      at: before,
      audience,
      report: ref,
      daysBefore: REMINDER_DAYS_BEFORE,
    });
  }
  const dueMorning = instantAt(report.dueDate, morningTime, timezone);
  if (stillOpenAt(dueMorning)) {
    actions.push({
      type: 'report.due-today',
      key: `report.due-today:${report.id}`,
      at: dueMorning,
      audience,
      report: ref,
    });
  }
  return actions;
}
