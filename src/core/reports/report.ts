import type { ReportKind } from '../calendar/due-dates';
import { endOfLocalDay } from '../calendar/zoned';
import type { EscalationPolicy } from '../escalation/policy';
import type { LocalDate } from '../shared/dates';

export type { DueReport, ReportKind } from '../calendar/due-dates';
export { reportDueDates, reportIdOf } from '../calendar/due-dates';

/** What the rules need to know about one report; plain JSON apart from the instant. */
export type ReportRecord = {
  id: string;
  kind: ReportKind;
  dueDate: LocalDate;
  /** The platform's timestamp of the submit act (Slack `ts`, Teams `activity.timestamp`). */
  submittedAt: Date | null;
  /** Set by a coordinator (e.g. illness), before or after the deadline. */
  excused: boolean;
};

export type ReportStatus = 'pending' | 'submitted' | 'late' | 'missed' | 'excused';

/**
 * Deadlines are "23:59:59 local" at one-second resolution: anything inside that last second
 * (platform timestamps carry milliseconds or more) is still on time.
 */
const DEADLINE_SECOND = 1000; // ms

/** The deadline instant of a report: 23:59:59 local on its due date. */
export function reportDeadline(dueDate: LocalDate, timezone: string): Date {
  return endOfLocalDay(dueDate, timezone);
}

/** True when `instant` lies on or before a "23:59:59" limit (deadline, grace end, substitute due). */
export function isNoLaterThan(instant: Date, limit: Date): boolean {
  return instant.getTime() < limit.getTime() + DEADLINE_SECOND;
}

/** True once `limit` has expired at `at`. */
export function hasExpired(limit: Date, at: Date): boolean {
  return !isNoLaterThan(at, limit);
}

/** The submit instant as known at `at`: a submission stamped after `at` has not happened yet. */
export function submittedAsOf(report: Pick<ReportRecord, 'submittedAt'>, at: Date): Date | null {
  return report.submittedAt !== null && report.submittedAt.getTime() <= at.getTime()
    ? report.submittedAt
    : null;
}

/**
 * The lifecycle status of a report at `at`. `late` = handed in after the deadline; `missed` =
 * not handed in and the deadline has passed; an excuse overrides both. The grace period does
 * not change the status (a report handed in within grace is still `late`); `_policy` is part
 * of the signature so callers need not change when a policy rule ever does.
 */
export function reportStatus(
  report: ReportRecord,
  at: Date,
  _policy: EscalationPolicy,
  timezone: string,
): ReportStatus {
  if (report.excused) return 'excused';
  const deadline = reportDeadline(report.dueDate, timezone);
  const submittedAt = submittedAsOf(report, at);
  if (submittedAt !== null) return isNoLaterThan(submittedAt, deadline) ? 'submitted' : 'late';
  return hasExpired(deadline, at) ? 'missed' : 'pending';
}
