import type { WorkCalendar } from '../calendar/working-days';
import type { Audience, ReportRef, ReportReminderAction } from '../reports/reminders';
import type { ReportKind, ReportRecord, ReportStatus } from '../reports/report';
import type { LocalDate, LocalTime } from '../shared/dates';
import type { EscalationPolicy, LadderStep } from './policy';

export type { Audience, ReportRef } from '../reports/reminders';

/** A substitute assignment as stored: only whether (and when) it was handed in or ticked off. */
export type SubstituteRecord = { key: string; doneAt: Date | null };

/** The whole history the ladder is derived from; everything else is recomputed. */
export type LadderInput = {
  reports: readonly ReportRecord[];
  substitutes: readonly SubstituteRecord[];
  /** A coordinator's reset after review: only misses with a deadline after it count. */
  resetAt: Date | null;
  policy: EscalationPolicy;
  calendar: WorkCalendar;
  timezone: string;
  /** Local time of the before-deadline reminders (cohort `morningReminderTime`); default 09:00. */
  morningReminderTime?: LocalTime;
};

/** What the ladder does at a miss: a step of the policy table, or the `insufficient` verdict. */
export type LadderOutcome =
  | { kind: 'step'; step: number; rule: LadderStep }
  | { kind: 'insufficient'; step: number };

type ActionBase = {
  /** Idempotency key, unique within a placement and stable across recomputation. */
  key: string;
  at: Date;
  audience: readonly Audience[];
  report: ReportRef;
};

type MissFacts = {
  missNumber: number;
  /** The ladder step number (1-based); the step after the table is `insufficient`. */
  step: number;
};

export type MissDetectedAction = ActionBase &
  MissFacts & {
    type: 'miss.detected';
    rule: LadderStep;
    lastChance: boolean;
    /** The report was already handed in (late) when the sweep ran: no "hand it in" request. */
    handedIn: boolean;
    /** A substitute assignment is given with this action (step `immediately`). */
    substituteNow: boolean;
    /** Due date of the substitute given now; null when none is given now. */
    substituteDueDate: LocalDate | null;
    graceEnd: Date;
    graceEndDate: LocalDate;
    /** Misses left before the placement becomes insufficient (1 = the next miss decides). */
    missesLeft: number;
  };

export type GraceExpiredAction = ActionBase &
  MissFacts & {
    type: 'grace.expired';
    graceEndDate: LocalDate;
    substituteKey: string;
    substituteDueDate: LocalDate;
  };

export type OwedReminderAction = ActionBase &
  Pick<MissFacts, 'missNumber'> & {
    type: 'owed.reminder';
    graceEndDate: LocalDate;
    everyDays: number;
  };

export type SubstituteOverdueAction = ActionBase &
  Pick<MissFacts, 'missNumber'> & {
    type: 'substitute.overdue';
    substituteKey: string;
    substituteDueDate: LocalDate;
  };

export type PlacementInsufficientAction = ActionBase &
  MissFacts & {
    type: 'placement.insufficient';
  };

export type LadderAction =
  | ReportReminderAction
  | MissDetectedAction
  | GraceExpiredAction
  | OwedReminderAction
  | SubstituteOverdueAction
  | PlacementInsufficientAction;

export type LadderActionType = LadderAction['type'];

export type SubstituteStatus = 'open' | 'done' | 'overdue';

export type SubstituteAssignment = {
  /** `substitute:<reportId>`; the key under which the app stores text and doneAt. */
  key: string;
  reportId: string;
  missNumber: number;
  givenAt: Date;
  dueDate: LocalDate;
  status: SubstituteStatus;
};

export type LadderReport = {
  id: string;
  kind: ReportKind;
  dueDate: LocalDate;
  status: ReportStatus;
  deadline: Date;
  /** End of the grace period; null unless the report is a counted miss. */
  graceEnd: Date | null;
  /** Position among the counted misses, once the sweep after its deadline has run; else null. */
  missNumber: number | null;
  /** A counted miss, past its grace, not handed in and not excused. */
  owed: boolean;
};

/** The escalation state of one placement at `at`, derived from history alone. */
export type LadderState = {
  at: Date;
  timezone: string;
  /** Counted misses whose sweep has run by `at`. */
  missCount: number;
  /** The highest ladder step reached; 0 = none. */
  step: number;
  insufficient: boolean;
  /** The sweep instant at which the placement became insufficient. */
  insufficientSince: Date | null;
  reports: LadderReport[];
  substitutes: SubstituteAssignment[];
  /**
   * Every action the rules produce: the past ones up to `at`, and those already determined
   * for later (they vanish again when a report is handed in or excused). Sorted by instant.
   */
  timeline: LadderAction[];
};
