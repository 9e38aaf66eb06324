import type { WorkCalendar } from '../calendar/working-days';
import { type Audience, reportRefOf } from '../reports/reminders';
import { isNoLaterThan, type ReportRecord } from '../reports/report';
import { addLocalDays, type LocalDate } from '../shared/dates';
import type { EscalationPolicy, LadderStep } from './policy';
import { ladderOutcomeOf, missesLeftAfter } from './steps';
import { graceEndOf, type LocalMoment, owedReminderMoments, sweepAfter } from './sweep';
import type { LadderAction, LadderOutcome } from './types';

export type MissContext = {
  policy: EscalationPolicy;
  calendar: WorkCalendar;
  timezone: string;
  /** Owed reminders are projected up to the first one after this instant. */
  horizon: Date;
  /** When a substitute assignment was handed in or ticked off, as known at the horizon. */
  doneAtOf: (substituteKey: string) => Date | null;
};

export type PlannedSubstitute = {
  key: string;
  reportId: string;
  missNumber: number;
  givenAt: Date;
  dueDate: LocalDate;
};

/** Everything the ladder does about one counted miss, as far as the history determines it. */
export type MissPlan = {
  reportId: string;
  missNumber: number;
  outcome: LadderOutcome;
  sweep: LocalMoment;
  grace: LocalMoment;
  substitute: PlannedSubstitute | null;
  actions: LadderAction[];
};

export function substituteKeyOf(reportId: string): string {
  return `substitute:${reportId}`;
}

function missAudience(rule: LadderStep): Audience[] {
  return rule.notifyMentor || rule.lastChance
    ? ['student', 'mentor', 'coordinator']
    : ['student', 'coordinator'];
}

/**
 * The actions for the `missNumber`-th counted miss. `report.submittedAt` must be as known at
 * the horizon; each action checks the facts as they stood at its own instant, so past actions
 * never change when the ladder is evaluated again later.
 */
export function planMiss(report: ReportRecord, missNumber: number, context: MissContext): MissPlan {
  const { policy, calendar, timezone } = context;
  const outcome = ladderOutcomeOf(missNumber, policy);
  const sweep = sweepAfter(report.dueDate, calendar, policy, timezone);
  const grace = graceEndOf(report.dueDate, sweep.date, policy, timezone);
  const plan: MissPlan = {
    reportId: report.id,
    missNumber,
    outcome,
    sweep,
    grace,
    substitute: null,
    actions: [],
  };
  const common = { report: reportRefOf(report), missNumber, step: outcome.step };

  if (outcome.kind === 'insufficient') {
    plan.actions.push({
      type: 'placement.insufficient',
      key: `placement.insufficient:${report.id}`,
      at: sweep.at,
      audience: ['student', 'mentor', 'coordinator'],
      ...common,
    });
    return plan;
  }

  const { rule } = outcome;
  const handedInBy = (at: Date) =>
    report.submittedAt !== null && report.submittedAt.getTime() <= at.getTime();
  const substituteKey = substituteKeyOf(report.id);
  const substituteGiven = (givenAt: Date, dueDate: LocalDate): PlannedSubstitute => ({
    key: substituteKey,
    reportId: report.id,
    missNumber,
    givenAt,
    dueDate,
  });

  if (rule.substitute === 'immediately') {
    plan.substitute = substituteGiven(sweep.at, addLocalDays(sweep.date, policy.substituteDueDays));
  }
  plan.actions.push({
    type: 'miss.detected',
    key: `miss.detected:${report.id}`,
    at: sweep.at,
    audience: missAudience(rule),
    ...common,
    rule,
    lastChance: rule.lastChance,
    handedIn: handedInBy(sweep.at),
    substituteNow: plan.substitute !== null,
    substituteDueDate: plan.substitute?.dueDate ?? null,
    graceEnd: grace.at,
    graceEndDate: grace.date,
    missesLeft: missesLeftAfter(missNumber, policy),
  });

  const handedInWithinGrace = report.submittedAt !== null && isNoLaterThan(report.submittedAt, grace.at);
  if (!handedInWithinGrace) {
    if (rule.substitute === 'after-grace') {
      const given = sweepAfter(grace.date, calendar, policy, timezone);
      plan.substitute = substituteGiven(given.at, addLocalDays(grace.date, policy.substituteDueDays));
      plan.actions.push({
        type: 'grace.expired',
        key: `grace.expired:${report.id}`,
        at: given.at,
        audience: rule.notifyMentor ? ['student', 'mentor', 'coordinator'] : ['student', 'coordinator'],
        ...common,
        graceEndDate: grace.date,
        substituteKey,
        substituteDueDate: plan.substitute.dueDate,
      });
    }
    const reminders = owedReminderMoments(
      grace.date,
      calendar,
      policy,
      timezone,
      context.horizon,
      (at) => !handedInBy(at),
    );
    for (const moment of reminders) {
      plan.actions.push({
        type: 'owed.reminder',
        key: `owed.reminder:${report.id}:${moment.date}`,
        at: moment.at,
        audience: ['student'],
        report: common.report,
        missNumber,
        graceEndDate: grace.date,
        everyDays: policy.owedReminderEveryDays,
      });
    }
  }

  const { substitute } = plan;
  if (substitute !== null) {
    const overdue = sweepAfter(substitute.dueDate, calendar, policy, timezone);
    const doneAt = context.doneAtOf(substitute.key);
    if (doneAt === null || doneAt.getTime() > overdue.at.getTime()) {
      plan.actions.push({
        type: 'substitute.overdue',
        key: `substitute.overdue:${report.id}`,
        at: overdue.at,
        audience: ['coordinator'],
        report: common.report,
        missNumber,
        substituteKey,
        substituteDueDate: substitute.dueDate,
      });
    }
  }
  return plan;
}
