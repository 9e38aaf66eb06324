import { datesOfIsoWeek, isoWeekOf } from '../calendar/weekly';
import { localDateOf } from '../calendar/zoned';
import type { CheckinSignalKind } from '../checkin/signals';
import { addLocalDays, isLocalDate, type LocalDate } from '../shared/dates';
import type {
  DigestFlag,
  DigestInput,
  DigestMentorGroup,
  DigestPlacementInput,
  DigestPlacementStatus,
  DigestStudentRow,
  DigestView,
  EvaluationKind,
} from './types';

/** Evaluation moments this many days ahead (today included) appear in the digest. */
export const EVALUATION_WINDOW_DAYS = 14;

/** Mood and wants-to-talk are private: in a shared digest they are only "attention". */
const FLAG_OF_SIGNAL: Record<CheckinSignalKind, DigestFlag> = {
  'checkins-missed': 'checkins-missed',
  'checkins-missed-alert': 'checkins-missed',
  'mood-low': 'attention',
  'wants-talk': 'attention',
  'mentor-no-talk': 'no-talk-twice',
};

/** Display order, most serious first. */
const FLAG_ORDER: readonly DigestFlag[] = [
  'insufficient',
  'last-chance',
  'attention',
  'checkins-missed',
  'no-talk-twice',
];

const EVALUATION_KINDS: readonly EvaluationKind[] = ['intro', 'midterm', 'final'];

/** Counts from the app are trusted to be numbers; anything else shows as 0 rather than leak. */
const count = (value: number): number => (Number.isFinite(value) && value > 0 ? Math.trunc(value) : 0);

const dateOrNull = (value: LocalDate | null): LocalDate | null =>
  typeof value === 'string' && isLocalDate(value) ? value : null;

const STATUSES: readonly DigestPlacementStatus[] = ['active', 'paused', 'insufficient', 'completed', 'ended'];

function flagsOf(placement: DigestPlacementInput): DigestFlag[] {
  // A paused or ended placement gets no check-ins, so last weeks' check-in flags are stale.
  const signals = (placement.status ?? 'active') === 'active' ? placement.signals : [];
  // Unknown codes (say, a newer signal stored as JSON) become the generic flag, never their text.
  const flags = new Set<DigestFlag>(signals.map((signal) => FLAG_OF_SIGNAL[signal] ?? 'attention'));
  if (placement.insufficient === true) flags.add('insufficient');
  else if (placement.lastChance === true) flags.add('last-chance');
  return FLAG_ORDER.filter((flag) => flags.has(flag));
}

function evaluationsWithin(
  placement: DigestPlacementInput,
  today: LocalDate,
): DigestStudentRow['evaluations'] {
  const last = addLocalDays(today, EVALUATION_WINDOW_DAYS);
  return placement.evaluations
    .filter((moment) => EVALUATION_KINDS.includes(moment.kind) && isLocalDate(moment.date))
    .filter((moment) => moment.date >= today && moment.date <= last)
    .map((moment) => ({ kind: moment.kind, date: moment.date }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A row built field by field (never by spreading the input), so nothing else can ride along. */
function rowOf(
  placement: DigestPlacementInput,
  reflectionsAwaitingFeedback: number,
  today: LocalDate,
): DigestStudentRow {
  return {
    placementId: String(placement.placementId),
    studentName: String(placement.studentName),
    checkinAnswered:
      typeof placement.lastCheckinAnswered === 'boolean' ? placement.lastCheckinAnswered : null,
    flags: flagsOf(placement),
    nextReportDue: dateOrNull(placement.nextReportDue),
    owedReports: count(placement.owedReports),
    openSubstitutes: count(placement.openSubstitutes),
    overdueSubstitutes: count(placement.overdueSubstitutes),
    ladderStep: count(placement.ladderStep),
    evaluations: evaluationsWithin(placement, today),
    reflectionsAwaitingFeedback: count(reflectionsAwaitingFeedback),
    reflectionsAwaitingRevision: count(placement.reflectionsAwaitingRevision ?? 0),
    status: STATUSES.includes(placement.status ?? 'active') ? (placement.status ?? 'active') : 'active',
  };
}

const byName = (a: string, b: string): number => a.localeCompare(b, 'nl', { sensitivity: 'base' });

/**
 * The weekly mentor digest of a cohort as a view model: per mentor (by name; placements without
 * a mentor last), per student (by name). A student with two mentors appears under both.
 */
export function buildDigest(input: DigestInput, at: Date): DigestView {
  const today = localDateOf(at, input.timezone);
  const week = isoWeekOf(today);
  const dates = datesOfIsoWeek(week);

  const groups = new Map<string | null, { mentorName: string | null; students: DigestStudentRow[] }>();
  for (const placement of input.placements) {
    const mentors =
      placement.mentors.length > 0
        ? placement.mentors.map((mentor) => ({
            id: String(mentor.mentorId),
            name: String(mentor.mentorName),
            waiting: mentor.reflectionsAwaitingFeedback,
          }))
        : [{ id: null, name: null, waiting: 0 }];
    for (const mentor of mentors) {
      const group = groups.get(mentor.id) ?? { mentorName: mentor.name, students: [] };
      group.students.push(rowOf(placement, mentor.waiting, today));
      groups.set(mentor.id, group);
    }
  }

  const mentors: DigestMentorGroup[] = [...groups.entries()]
    .map(([mentorId, group]) => ({
      mentorId,
      mentorName: group.mentorName,
      students: group.students.sort(
        (a, b) => byName(a.studentName, b.studentName) || byName(a.placementId, b.placementId),
      ),
    }))
    .sort((a, b) => {
      if (a.mentorName === null || b.mentorName === null)
        return Number(a.mentorName === null) - Number(b.mentorName === null);
      return byName(a.mentorName, b.mentorName) || byName(a.mentorId ?? '', b.mentorId ?? '');
    });

  const rows = mentors.flatMap((group) => group.students);
  const withFlags = new Set(rows.filter((row) => row.flags.length > 0).map((row) => row.placementId));

  return {
    cohortId: String(input.cohortId),
    cohortName: String(input.cohortName),
    week,
    weekStart: dates[0]!,
    weekEnd: dates[6]!,
    studentCount: new Set(rows.map((row) => row.placementId)).size,
    attentionCount: withFlags.size,
    mentors,
  };
}
