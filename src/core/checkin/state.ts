import { z } from 'zod';
import { type IsoWeek, isoWeekSchema } from '../calendar/weekly';
import { fail, ok, type Result } from '../shared/result';
import type { CheckinSignal } from './signals';

/** The student's side of one weekly check-in. Plain JSON; saved after every answer. */
export type CheckinStep = 'mood' | 'learned' | 'talk' | 'topic' | 'done';

/** The steps that ask a follow-up question after the mood. */
export type FollowUpStep = 'learned' | 'talk' | 'topic';

export type CheckinState = {
  week: IsoWeek;
  step: CheckinStep;
  /** 1 (bad) … 5 (great). */
  mood?: number;
  /** Null when skipped. */
  learned?: string | null;
  wantsTalk?: boolean;
  /** Null when skipped. */
  topic?: string | null;
  /** ISO-8601 instant of the mood answer: from then on the check-in counts as answered. */
  answeredAt?: string;
  /** Mood of the previous check-in, if answered: mood ≤ 2 twice running is a signal. */
  previousMood?: number | null;
};

export type CheckinRejectionCode =
  | 'CHECKIN.MOOD_NOT_UNDERSTOOD'
  | 'CHECKIN.MOOD_OUT_OF_RANGE'
  | 'CHECKIN.MOOD_REQUIRED'
  | 'CHECKIN.EMPTY_ANSWER'
  | 'CHECKIN.TOO_LONG'
  | 'CHECKIN.YES_NO_EXPECTED'
  /** A button of another question (e.g. the mood scale clicked again later). */
  | 'CHECKIN.NOT_THIS_STEP'
  | 'CHECKIN.ALREADY_DONE';

/** What the student did, after parsing a typed message or a click. */
export type CheckinEvent =
  | { type: 'mood.given'; mood: number }
  | { type: 'text.given'; text: string }
  | { type: 'talk.given'; wantsTalk: boolean }
  /** `step` is set by a skip button (it names the question it skips); absent when typed. */
  | { type: 'step.skipped'; step?: FollowUpStep }
  | { type: 'answer.invalid'; code: CheckinRejectionCode };

export type CheckinEffect =
  /** Send the question of `step` (the mood prompt is sent by the scheduler). */
  | { type: 'ask'; step: FollowUpStep }
  /** A friendly "I did not get that" for the current step; the state did not change. */
  | { type: 'rejected'; code: CheckinRejectionCode; step: CheckinStep }
  /** The mood was given: the check-in now counts as answered (no reminder). */
  | { type: 'mood.recorded'; week: IsoWeek; mood: number }
  | { type: 'completed'; week: IsoWeek; mood: number; wantsTalk: boolean; hasLearned: boolean }
  | { type: 'signal'; signal: CheckinSignal };

/** Free-text answers longer than this are refused (characters). */
export const MAX_FREE_TEXT = 2000;

/**
 * The state of a freshly sent check-in. Pass the previous check-in's state so a low mood two
 * weeks running is noticed at once; a new check-in replaces the open one.
 */
export function createCheckinState(week: IsoWeek, previous?: CheckinState | null): CheckinState {
  return { week, step: 'mood', previousMood: previous?.mood ?? null };
}

/** Answered = the mood was given; only unanswered check-ins get the reminder. */
export function isCheckinAnswered(state: CheckinState): boolean {
  return state.mood !== undefined;
}

/** True while typed text in the student's direct conversation belongs to this check-in. */
export function isCheckinAwaitingAnswer(state: CheckinState): boolean {
  return state.step !== 'done';
}

const moodSchema = z.number().int().min(1).max(5);

/** The stored JSON of a check-in state (jsonb), validated when loaded. */
export const checkinStateSchema = z.object({
  week: isoWeekSchema,
  step: z.enum(['mood', 'learned', 'talk', 'topic', 'done']),
  mood: moodSchema.exactOptional(),
  learned: z.string().max(MAX_FREE_TEXT).nullable().exactOptional(),
  wantsTalk: z.boolean().exactOptional(),
  topic: z.string().max(MAX_FREE_TEXT).nullable().exactOptional(),
  answeredAt: z.iso.datetime().exactOptional(),
  previousMood: moodSchema.nullable().exactOptional(),
});

export function parseCheckinState(value: unknown): Result<CheckinState> {
  const parsed = checkinStateSchema.safeParse(value);
  if (!parsed.success) return fail('CHECKIN.INVALID_STATE', { issue: parsed.error.issues[0]?.message ?? '' });
  return ok(parsed.data);
}
