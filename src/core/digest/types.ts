import type { IsoWeek } from '../calendar/weekly';
import type { CheckinSignalKind } from '../checkin/signals';
import type { LocalDate } from '../shared/dates';

/** The fixed conversation moments a digest can announce. */
export type EvaluationKind = 'intro' | 'midterm' | 'final';

/**
 * What the app gathers per placement for the digest. It may come straight from richer records:
 * `buildDigest` copies only the fields named here, one by one, so anything else on the object
 * (reflection text, check-in notes, moods) is left behind.
 */
export type DigestPlacementInput = {
  placementId: string;
  studentName: string;
  /** The placement's mentors, each with the reflections waiting for that mentor's feedback. */
  mentors: ReadonlyArray<{ mentorId: string; mentorName: string; reflectionsAwaitingFeedback: number }>;
  /** Whether the newest check-in (last week's, open until the next is sent) was answered; null when none was sent. */
  lastCheckinAnswered: boolean | null;
  /** Check-in signal codes of the current weeks (see `currentCheckinFlags`). */
  signals: readonly CheckinSignalKind[];
  nextReportDue: LocalDate | null;
  /** Reports missed and still not handed in or excused. */
  owedReports: number;
  openSubstitutes: number;
  overdueSubstitutes: number;
  /** Misses so far on the escalation ladder; 0 = none. */
  ladderStep: number;
  lastChance: boolean;
  insufficient: boolean;
  /**
   * Where the placement stands; absent = active. Paused placements show as paused (no check-in
   * flags: nothing was asked); ended ones appear once more, for the last time.
   */
  status?: DigestPlacementStatus;
  /** Reports the mentor sent back ("graag aanvullen") that the student has not revised yet. */
  reflectionsAwaitingRevision?: number;
  /** Evaluation moments; the digest keeps those in the next 14 days. */
  evaluations: ReadonlyArray<{ kind: EvaluationKind; date: LocalDate }>;
};

export type DigestPlacementStatus = 'active' | 'paused' | 'insufficient' | 'completed' | 'ended';

export type DigestInput = {
  cohortId: string;
  cohortName: string;
  /** IANA zone of the cohort: decides which week and which "next 14 days" the digest covers. */
  timezone: string;
  placements: readonly DigestPlacementInput[];
};

/**
 * Attention flags. A low mood and a wish to talk both show only as `attention`: the channel
 * learns that a mentor should look, never why; the details open privately.
 */
export type DigestFlag = 'checkins-missed' | 'attention' | 'no-talk-twice' | 'insufficient' | 'last-chance';

/**
 * One student under one mentor. Only names, ids, dates, counts, booleans and flags: there is no
 * field that could hold reflection text, check-in free text or a mood value.
 */
export type DigestStudentRow = {
  readonly placementId: string;
  readonly studentName: string;
  readonly checkinAnswered: boolean | null;
  readonly flags: readonly DigestFlag[];
  readonly nextReportDue: LocalDate | null;
  readonly owedReports: number;
  readonly openSubstitutes: number;
  readonly overdueSubstitutes: number;
  readonly ladderStep: number;
  readonly evaluations: ReadonlyArray<{ readonly kind: EvaluationKind; readonly date: LocalDate }>;
  readonly reflectionsAwaitingFeedback: number;
  readonly reflectionsAwaitingRevision: number;
  readonly status: DigestPlacementStatus;
};

/** A mentor's part of the digest; `mentorId` null gathers placements without a mentor. */
export type DigestMentorGroup = {
  readonly mentorId: string | null;
  readonly mentorName: string | null;
  readonly students: readonly DigestStudentRow[];
};

export type DigestView = {
  readonly cohortId: string;
  readonly cohortName: string;
  readonly week: IsoWeek;
  readonly weekStart: LocalDate;
  readonly weekEnd: LocalDate;
  /** Distinct placements in the digest. */
  readonly studentCount: number;
  /** Distinct placements with at least one flag. */
  readonly attentionCount: number;
  readonly mentors: readonly DigestMentorGroup[];
};
