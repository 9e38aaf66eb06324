import { reportDueDates, reportIdOf } from '../../core/calendar/due-dates';
import { createWorkCalendar, type WorkCalendar } from '../../core/calendar/working-days';
import { computeLadder } from '../../core/escalation/engine';
import type { LadderState } from '../../core/escalation/types';
import { placementStatusAt } from '../../core/reports/evaluation';
import type { ReportRecord } from '../../core/reports/report';
import type { PlacementSchedule, PlacementStatus } from '../../core/shared/placement';
import {
  type PlacementBundle,
  type ReportRecord as ReportRow,
  scheduleOf,
} from '../stores/placement-records';

/**
 * Report ids in the core are per placement (`monthly:2027-03-01`); rows in the database are
 * global, so they carry the placement id in front.
 */
export const storedReportId = (placementId: string, coreId: string): string => `${placementId}:${coreId}`;
export const coreReportId = (row: Pick<ReportRow, 'kind' | 'dueDate'>): string =>
  reportIdOf(row.kind, row.dueDate);
export const storedSubstituteKey = (placementId: string, coreKey: string): string =>
  `${placementId}:${coreKey}`;

export type PlacementEvaluation = {
  bundle: PlacementBundle;
  schedule: PlacementSchedule;
  calendar: WorkCalendar;
  reports: ReportRecord[];
  ladder: LadderState;
  status: PlacementStatus;
};

/** Everything the rules say about one placement at `at`, derived from its stored history. */
export function evaluatePlacement(bundle: PlacementBundle, at: Date): PlacementEvaluation {
  const settings = bundle.cohort.settings;
  const calendar = createWorkCalendar({ closedDates: settings.closedDates });
  const schedule = scheduleOf(bundle);
  const stored = new Map(bundle.reports.map((row) => [coreReportId(row), row]));
  const reports: ReportRecord[] = reportDueDates(schedule, calendar).map((due) => {
    const row = stored.get(due.id);
    return {
      id: due.id,
      kind: due.kind,
      dueDate: due.dueDate,
      submittedAt: row?.submittedAt ?? null,
      excused: row?.excused ?? false,
    };
  });
  const prefix = `${bundle.placement.id}:`;
  const ladder = computeLadder(
    {
      reports,
      substitutes: bundle.substitutes.map((row) => ({
        key: row.key.startsWith(prefix) ? row.key.slice(prefix.length) : row.key,
        doneAt: row.doneAt,
      })),
      resetAt: bundle.placement.ladderResetAt,
      policy: settings.escalation,
      calendar,
      timezone: settings.timezone,
      morningReminderTime: settings.morningReminderTime,
    },
    at,
  );
  const status = placementStatusAt(bundle.placement.status, schedule, ladder, at);
  return { bundle, schedule, calendar, reports, ladder, status };
}
