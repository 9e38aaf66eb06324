import type { CohortSettings } from '../../core/shared/cohort';
import type { LocalDate } from '../../core/shared/dates';
import type { StarrKind } from '../../core/starr/state';
import type { PlacementInput } from '../placements/placement-input';
import type { SaveOutcome } from '../placements/plan-placements';
import type { CheckinRecord, PlacementBundle, PlacementFilter, ReportRecord } from './placement-records';

/** Placements with everything the rules need, and the coordinator's changes to them. */
/** A student's check-in answers so far; mood and free text are encrypted by the store. */
export type CheckinAnswer = {
  mood?: number;
  learned?: string | null;
  wantsTalk?: boolean;
  topic?: string | null;
  answeredAt?: Date;
};

export type PlacementStore = {
  /**
   * Creates or updates placements, each identified by (student, cohort, start date), with their
   * people, mentors and coordinator, in a bounded number of statements (see `planPlacements`).
   * `newCohort` holds settings for a cohort the save creates, e.g. the configured time zone.
   */
  save(
    inputs: readonly PlacementInput[],
    at: Date,
    newCohort?: Partial<CohortSettings>,
  ): Promise<Array<{ id: string; outcome: SaveOutcome }>>;
  /** Bundles in a fixed number of reads, by start date. */
  loadBundles(filter: PlacementFilter): Promise<PlacementBundle[]>;
  /** The cohort of a placement (one read, for each STARR step). */
  cohortIdOf(placementId: string): Promise<string | null>;
  /** Cohorts a person appears in, by role (`null` among coordinator cohorts = every cohort). */
  cohortsOfPerson(
    personId: string,
  ): Promise<{ asStudent: string[]; asMentor: string[]; asCoordinator: (string | null)[] }>;
  setSubstituteText(placementId: string, text: string, at: Date): Promise<void>;
  /** After reviewing an insufficient placement: running again, misses before `at` no longer count. */
  resetLadder(placementId: string, at: Date): Promise<void>;
  /** `reason` is sealed (it may be medical). */
  addPause(
    placementId: string,
    pause: { from: LocalDate; until: LocalDate | null; reason: string | null },
    at: Date,
  ): Promise<void>;
  /** Ends every pause still running on `on` the day before it (`lastPausedDay`). */
  endPauses(placementId: string, on: LocalDate, lastPausedDay: LocalDate): Promise<void>;
  /** Each placement's student name, by placement id (a placement gone since is left out). */
  studentNames(placementIds: readonly string[]): Promise<Map<string, string>>;
  /** The ladder's verdict for these placements, reached at `at`. */
  markInsufficient(placementIds: readonly string[], at: Date): Promise<void>;
  /** The closing message of these placements went out (it goes once). */
  markClosingSent(placementIds: readonly string[], at: Date): Promise<void>;
  /** Placements of the cohort that ended before `endedBefore`: past retention. */
  pastRetention(cohortId: string, endedBefore: LocalDate): Promise<Array<{ id: string; studentId: string }>>;
};

/** Reports: hand-ins, revisions, feedback and excuses. Content is sealed by the store. */
export type ReportStore = {
  find(reportId: string): Promise<ReportRecord | null>;
  /** Whether each of the last `count` handed-in reports needed nudges, newest first (null: unknown). */
  recentNudges(placementId: string, count: number): Promise<Array<boolean | null>>;
  /** The mentor's feedback on a report, opened, with the mentor's name; null: no such report. */
  feedbackOf(reportId: string): Promise<{ mentorName: string; text: string | null } | null>;
  /** First hand-in (or one over an excused/empty row): content, time, whether nudges were needed. */
  submit(report: {
    id: string;
    placementId: string;
    kind: StarrKind;
    dueDate: string;
    submittedAt: Date;
    answers: Record<string, string>;
    neededNudges: boolean;
  }): Promise<void>;
  /** A revision after "needs more": new content; the feedback is cleared, the hand-in time stays. */
  revise(reportId: string, answers: Record<string, string>): Promise<void>;
  saveFeedback(
    reportId: string,
    feedback: { verdict: 'approved' | 'needs-more'; text: string | null; by: string; at: Date },
  ): Promise<void>;
  /** Excuses a report (its miss no longer counts); the reason is sealed. */
  excuse(
    report: { id: string; placementId: string; kind: ReportRecord['kind']; dueDate: string },
    reason: string | null,
  ): Promise<void>;
};

/** Substitute assignments: the student's hand-in, the coordinator's assessment or tick-off. */
export type SubstituteStore = {
  /** A (new) hand-in of work; an earlier assessment no longer stands. Work is sealed. */
  handIn(entry: {
    key: string;
    placementId: string;
    text: string | null;
    work: string;
    by: string;
    at: Date;
  }): Promise<void>;
  /** `returned` opens the assignment again. The note is sealed. */
  assess(
    key: string,
    assessment: { status: 'accepted' | 'returned'; note: string | null; by: string; at: Date },
  ): Promise<void>;
  /** The coordinator ticks it off as done. */
  tickOff(entry: { key: string; placementId: string; by: string; at: Date }): Promise<void>;
  /** Assignments the ladder gives; one given before stays as it is (text, hand-in, review). */
  give(entries: ReadonlyArray<{ key: string; placementId: string; text: string | null }>): Promise<void>;
};

/** Weekly check-ins: the student's answers (sealed) and the history behind the signals. */
export type CheckinStore = {
  /** Oldest first. */
  history(placementId: string): Promise<CheckinRecord[]>;
  /** Marks the week's check-in as sent; false when it already was. */
  recordSent(placementId: string, week: string, at: Date): Promise<boolean>;
  /** Marks many as sent at once; returns those that were new (not marked before). */
  recordSentMany(
    sent: ReadonlyArray<{ placementId: string; week: string; at: Date }>,
  ): Promise<Array<{ placementId: string; week: string }>>;
  /**
   * The mentor's answer to "did you have your talk?" (the note is sealed). With several mentors
   * any "yes" wins: one talk is enough for the week.
   */
  recordMentorTalk(
    placementId: string,
    week: string,
    talk: { answer: 'yes' | 'no' | 'moved'; note: string | null; at: Date },
  ): Promise<void>;
  recordAnswer(placementId: string, week: string, answer: CheckinAnswer): Promise<void>;
};

/** A student's learning goals per placement, in order, sealed at rest. */
export type GoalStore = {
  read(placementId: string): Promise<string[]>;
  /** Appends a goal at `position` (positions never change). */
  add(placementId: string, position: number, text: string): Promise<void>;
};
