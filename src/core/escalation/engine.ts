import { reportReminders } from '../reports/reminders';
import {
  hasExpired,
  type ReportRecord,
  reportDeadline,
  reportStatus,
  submittedAsOf,
} from '../reports/report';
import type { LocalTime } from '../shared/dates';
import { type MissPlan, planMiss } from './miss-plan';
import type {
  LadderAction,
  LadderActionType,
  LadderInput,
  LadderReport,
  LadderState,
  SubstituteAssignment,
} from './types';

const DEFAULT_MORNING_TIME: LocalTime = '09:00';

/** Order of actions that share an instant: the natural reading order of a sweep. */
const TYPE_ORDER: Record<LadderActionType, number> = {
  'report.reminder-before': 0,
  'report.due-today': 1,
  'miss.detected': 2,
  'grace.expired': 3,
  'owed.reminder': 4,
  'substitute.overdue': 5,
  'placement.insufficient': 6,
};

function compareActions(a: LadderAction, b: LadderAction): number {
  return (
    a.at.getTime() - b.at.getTime() ||
    TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

const knownBy = (instant: Date | null, at: Date): Date | null =>
  instant !== null && instant.getTime() <= at.getTime() ? instant : null;

/**
 * The escalation ladder of one placement at `at`, derived from history alone: the same input
 * gives the same state, timeline and keys. Facts stamped after `at` are ignored, so replaying
 * an earlier instant gives what was true then. A miss is a non-excused report not handed in
 * by its deadline (handed in late still counts) whose deadline lies after `resetAt`; misses
 * are numbered in deadline order, and the ladder acts on each at the sweep after its deadline.
 */
export function computeLadder(input: LadderInput, at: Date): LadderState {
  const { policy, calendar, timezone } = input;
  const reports: ReportRecord[] = input.reports.map((report) => ({
    ...report,
    submittedAt: submittedAsOf(report, at),
  }));
  const resetAt = knownBy(input.resetAt, at);
  const doneAt = new Map(
    input.substitutes.map((substitute) => [substitute.key, knownBy(substitute.doneAt, at)]),
  );
  const deadlineOf = (report: ReportRecord) => reportDeadline(report.dueDate, timezone);

  const misses = reports
    .filter((report) => {
      if (report.excused) return false;
      const deadline = deadlineOf(report);
      if (!hasExpired(deadline, at)) return false;
      if (resetAt !== null && deadline.getTime() <= resetAt.getTime()) return false;
      return report.submittedAt === null || hasExpired(deadline, report.submittedAt);
    })
    .sort((a, b) => deadlineOf(a).getTime() - deadlineOf(b).getTime() || (a.id < b.id ? -1 : 1));

  const context = {
    policy,
    calendar,
    timezone,
    horizon: at,
    doneAtOf: (key: string) => doneAt.get(key) ?? null,
  };
  const plans = misses.map((report, index) => planMiss(report, index + 1, context));

  // The verdict ends the ladder: nothing is sent after it, nor alongside it.
  const verdict = plans.find((plan) => plan.outcome.kind === 'insufficient') ?? null;
  const verdictKey = verdict?.actions[0]?.key;
  const isBeforeVerdict = (instant: Date) =>
    verdict === null || instant.getTime() < verdict.sweep.at.getTime();

  const morningTime = input.morningReminderTime ?? DEFAULT_MORNING_TIME;
  const timeline = [
    ...reports.flatMap((report) => reportReminders(report, morningTime, timezone)),
    ...plans.flatMap((plan) => plan.actions),
  ]
    .filter((action) => isBeforeVerdict(action.at) || action.key === verdictKey)
    .sort(compareActions);

  const swept = plans.filter((plan) => plan.sweep.at.getTime() <= at.getTime());
  const planByReport = new Map(plans.map((plan) => [plan.reportId, plan]));

  return {
    at,
    timezone,
    missCount: swept.length,
    step: swept.reduce((highest, plan) => Math.max(highest, plan.outcome.step), 0),
    insufficient: verdict !== null && swept.includes(verdict),
    insufficientSince: verdict !== null && swept.includes(verdict) ? verdict.sweep.at : null,
    reports: reports.map((report) => describeReport(input, report, planByReport.get(report.id) ?? null, at)),
    substitutes: plans
      .flatMap((plan) => (plan.substitute ? [plan.substitute] : []))
      .filter(
        (substitute) => substitute.givenAt.getTime() <= at.getTime() && isBeforeVerdict(substitute.givenAt),
      )
      .map((substitute): SubstituteAssignment => {
        const done = doneAt.get(substitute.key) ?? null;
        const status =
          done !== null
            ? 'done'
            : hasExpired(reportDeadline(substitute.dueDate, timezone), at)
              ? 'overdue'
              : 'open';
        return { ...substitute, status };
      }),
    timeline,
  };
}

function describeReport(
  input: LadderInput,
  report: ReportRecord,
  plan: MissPlan | null,
  at: Date,
): LadderReport {
  const swept = plan !== null && plan.sweep.at.getTime() <= at.getTime();
  return {
    id: report.id,
    kind: report.kind,
    dueDate: report.dueDate,
    status: reportStatus(report, at, input.policy, input.timezone),
    deadline: reportDeadline(report.dueDate, input.timezone),
    graceEnd: plan?.grace.at ?? null,
    missNumber: swept ? plan.missNumber : null,
    owed: swept && report.submittedAt === null && hasExpired(plan.grace.at, at),
  };
}

/** The scheduler's slice: the actions with `since < action.at <= at`, in timeline order. */
export function dueActions(ladder: LadderState, since: Date, at: Date): LadderAction[] {
  return ladder.timeline.filter(
    (action) => action.at.getTime() > since.getTime() && action.at.getTime() <= at.getTime(),
  );
}
