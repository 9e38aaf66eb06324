import type { IsoWeekday, LocalDate } from '../../core/shared/dates';
import type { Person } from '../../core/shared/person';
import type { Pause, PlacementSchedule } from '../../core/shared/placement';
import type { Cohort } from './cohort-store';

/**
 * What the stores hold about placements, as the use cases see it. Fields ending in `Enc` (and
 * `excuseReason`, goal `text`) are sealed at rest: open them with the `Unsealer`.
 */
export type PlacementRecord = {
  id: string;
  studentId: string;
  cohortId: string;
  organisation: string | null;
  startDate: string;
  endDate: string;
  /** ISO weekdays the student works there; null = every working day. */
  workingDays: number[] | null;
  introDate: string | null;
  midEvaluationDate: string | null;
  finalEvaluationDate: string | null;
  /** Stored decisions only (`active`, `ended`, `insufficient`); paused/completed are derived. */
  status: 'active' | 'paused' | 'insufficient' | 'completed' | 'ended';
  ladderResetAt: Date | null;
  substituteText: string | null;
  closingSentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type ReportRecord = {
  /** `<placementId>:<kind>:<dueDate>`. */
  id: string;
  placementId: string;
  kind: 'monthly' | 'intro' | 'midterm';
  dueDate: string;
  submittedAt: Date | null;
  contentEnc: string | null;
  neededNudges: boolean | null;
  excused: boolean;
  excuseReason: string | null;
  feedbackEnc: string | null;
  feedbackVerdict: 'approved' | 'needs-more' | null;
  feedbackBy: string | null;
  feedbackAt: Date | null;
};

export type SubstituteRecord = {
  key: string;
  placementId: string;
  text: string | null;
  doneAt: Date | null;
  doneBy: string | null;
  contentEnc: string | null;
  reviewStatus: 'accepted' | 'returned' | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewNoteEnc: string | null;
};

export type CheckinRecord = {
  placementId: string;
  /** ISO week, `YYYY-Www`. */
  week: string;
  sentAt: Date;
  answeredAt: Date | null;
  moodEnc: string | null;
  learnedEnc: string | null;
  wantsTalk: boolean | null;
  topicEnc: string | null;
  mentorTalk: 'yes' | 'no' | 'moved' | null;
  mentorNoteEnc: string | null;
  mentorAnsweredAt: Date | null;
};

/** A learning goal as stored (sealed text); positions never change. */
export type StoredGoal = { placementId: string; position: number; text: string };

/** Everything the rules need about one placement. */
export type PlacementBundle = {
  placement: PlacementRecord;
  student: Person;
  mentors: Person[];
  coordinators: Person[];
  cohort: Cohort;
  /** Sealed: open with `Unsealer.goals`. */
  goals: StoredGoal[];
  pauses: Pause[];
  reports: ReportRecord[];
  substitutes: SubstituteRecord[];
  checkins: CheckinRecord[];
};

export type PlacementFilter =
  | { placementIds: readonly string[] }
  | { studentId: string }
  | { cohortId: string }
  | { mentorId: string }
  /** Placements ending on or after the date: those the scheduler still has work for. */
  | { endingOnOrAfter: LocalDate }
  | { all: true };

/** The dates the calendar rules need, from a placement and its pauses. */
export function scheduleOf(bundle: Pick<PlacementBundle, 'placement' | 'pauses'>): PlacementSchedule {
  const p = bundle.placement;
  return {
    startDate: p.startDate,
    endDate: p.endDate,
    workingDays: (p.workingDays as IsoWeekday[] | null) ?? null,
    introDate: p.introDate,
    midEvaluationDate: p.midEvaluationDate,
    finalEvaluationDate: p.finalEvaluationDate,
    pauses: bundle.pauses,
  };
}
