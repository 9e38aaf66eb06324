import type { IsoWeek } from '../calendar/weekly';
import { assertNever } from '../shared/errors';

/** The mentor's answer to "did you have your weekly talk?". */
export type MentorTalkAnswer = 'yes' | 'no' | 'moved';

/** One sent check-in of a placement, as the signals need it. A history lists them newest last. */
export type CheckinHistoryEntry = {
  week: IsoWeek;
  /** The student gave a mood (the later questions may be skipped). */
  answered: boolean;
  mood: number | null;
  wantsTalk: boolean;
  /** Null while no mentor has answered; with several mentors the app merges (any `yes` wins). */
  mentorTalk: MentorTalkAnswer | null;
  /** The newest check-in while it is still open: it does not count as unanswered yet. */
  open?: boolean;
};

export type CheckinSignalKind =
  /** Two or more consecutive check-ins unanswered: a flag in the mentor digest. */
  | 'checkins-missed'
  /** The third consecutive unanswered check-in: a coordinator alert (once per run). */
  | 'checkins-missed-alert'
  /** Mood 1, or mood ≤ 2 two check-ins running: a private alert to the mentor at once. */
  | 'mood-low'
  /** The student wants to talk: a private note to the mentor at once. */
  | 'wants-talk'
  /** The mentor answered "no talk" two check-ins running: a coordinator flag (once per run). */
  | 'mentor-no-talk';

export type SignalAudience = 'mentor-digest' | 'mentor' | 'coordinator';

export type MoodLowReason = 'mood-1' | 'low-twice';

/**
 * A signal carries codes only; the app adds names and, for the mentor, the mood or topic.
 * `key` is stable per placement (`signal:<kind>:<week>`): the app prefixes the placement id and
 * uses it as the outbox idempotency key, so evaluating the same history again sends nothing new.
 */
export type CheckinSignal = {
  kind: CheckinSignalKind;
  week: IsoWeek;
  audience: SignalAudience;
  key: string;
  reason?: MoodLowReason;
};

export function audienceOf(kind: CheckinSignalKind): SignalAudience {
  switch (kind) {
    case 'checkins-missed':
      return 'mentor-digest';
    case 'mood-low':
    case 'wants-talk':
      return 'mentor';
    case 'checkins-missed-alert':
    case 'mentor-no-talk':
      return 'coordinator';
    default:
      return assertNever(kind);
  }
}

export function createSignal(kind: CheckinSignalKind, week: IsoWeek, reason?: MoodLowReason): CheckinSignal {
  const signal: CheckinSignal = { kind, week, audience: audienceOf(kind), key: `signal:${kind}:${week}` };
  return reason ? { ...signal, reason } : signal;
}

const LOW_MOOD = 2; // mood ≤ 2 in two consecutive check-ins is a signal
const MISSED_FLAG_RUN = 2;
const MISSED_ALERT_RUN = 3;
const NO_TALK_RUN = 2;

/** The mood-low reason for a mood given after `previousMood` (of the previous check-in), if any. */
export function moodLowReason(mood: number, previousMood: number | null): MoodLowReason | null {
  if (mood === 1) return 'mood-1';
  if (mood <= LOW_MOOD && previousMood !== null && previousMood <= LOW_MOOD) return 'low-twice';
  return null;
}

/**
 * Every signal the history triggers, oldest first. "Consecutive" means consecutive sent
 * check-ins: a week without a check-in (holiday week, pause) neither breaks nor extends a run.
 * `sinceWeek` drops signals of older weeks (e.g. history imported from before go-live).
 */
export function evaluateCheckinSignals(
  history: readonly CheckinHistoryEntry[],
  options: { sinceWeek?: IsoWeek } = {},
): CheckinSignal[] {
  const entries = [...history].sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
  const signals: CheckinSignal[] = [];
  let missedRun = 0;
  let noTalkRun = 0;
  let previousMood: number | null = null;

  for (const entry of entries) {
    if (!(entry.open && !entry.answered)) {
      missedRun = entry.answered ? 0 : missedRun + 1;
      if (missedRun >= MISSED_FLAG_RUN) signals.push(createSignal('checkins-missed', entry.week));
      if (missedRun === MISSED_ALERT_RUN) signals.push(createSignal('checkins-missed-alert', entry.week));
    }

    const mood = entry.answered ? entry.mood : null;
    const reason = mood === null ? null : moodLowReason(mood, previousMood);
    if (reason) signals.push(createSignal('mood-low', entry.week, reason));
    previousMood = mood;

    if (entry.answered && entry.wantsTalk) signals.push(createSignal('wants-talk', entry.week));

    noTalkRun = entry.mentorTalk === 'no' ? noTalkRun + 1 : 0;
    if (noTalkRun === NO_TALK_RUN) signals.push(createSignal('mentor-no-talk', entry.week));
  }

  const { sinceWeek } = options;
  return sinceWeek === undefined ? signals : signals.filter((signal) => signal.week >= sinceWeek);
}

/**
 * The attention flags for a digest (codes, never moods or text): the signals of the newest
 * check-in and of the newest closed one (a new check-in is open while the digest runs).
 */
export function currentCheckinFlags(history: readonly CheckinHistoryEntry[]): CheckinSignalKind[] {
  const signals = evaluateCheckinSignals(history);
  const weeks = [...history].sort((a, b) => (a.week < b.week ? 1 : a.week > b.week ? -1 : 0));
  const newest = weeks[0];
  const newestClosed = weeks.find((entry) => !entry.open);
  const current = new Set([newest?.week, newestClosed?.week]);
  return [...new Set(signals.filter((signal) => current.has(signal.week)).map((signal) => signal.kind))];
}
