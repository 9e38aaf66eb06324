import { z } from 'zod';
import { type IsoWeek, isoWeekSchema } from '../calendar/weekly';
import { isTyped } from '../messages/keywords';
import { assertNever } from '../shared/errors';
import { fail, ok, type Result } from '../shared/result';
import { isSkipWord, normaliseAnswer, parseYesNo } from './parse';
import type { MentorTalkAnswer } from './signals';
import { MAX_FREE_TEXT } from './state';

/**
 * The mentor's side of a weekly check-in, per student: "Did you have your weekly talk?"
 * yes / no / moved, then an optional note. Plain JSON, one state per mentor per placement per week.
 */
export const MENTOR_TALK_ACTIONS = {
  /** Value `<answer>|<ref>`, see `mentorTalkValue`. */
  answer: 'checkin.mentor.talk',
  /** Skip the optional note; value `<ref>`. */
  skipNote: 'checkin.mentor.note-skip',
} as const;

/** Input id of the optional note on the question card (sent along with a click where supported). */
export const MENTOR_NOTE_INPUT = 'checkin.mentor.note';

export type MentorTalkStep = 'answer' | 'note' | 'done';

export type MentorTalkState = {
  week: IsoWeek;
  step: MentorTalkStep;
  answer?: MentorTalkAnswer;
  note?: string | null;
  /** ISO-8601 instant of the (latest) answer. */
  answeredAt?: string;
};

export type MentorTalkRejectionCode =
  | 'CHECKIN.TALK_ANSWER_EXPECTED'
  | 'CHECKIN.EMPTY_ANSWER'
  | 'CHECKIN.TOO_LONG'
  | 'CHECKIN.ALREADY_DONE';

export type MentorTalkEvent =
  | { type: 'talk.answered'; answer: MentorTalkAnswer; note?: string }
  | { type: 'note.given'; text: string }
  | { type: 'note.skipped' }
  | { type: 'answer.invalid'; code: MentorTalkRejectionCode };

export type MentorTalkEffect =
  /** Persist: this is the mentor's answer for the week (feeds `CheckinHistoryEntry.mentorTalk`). */
  | { type: 'recorded'; week: IsoWeek; answer: MentorTalkAnswer; note: string | null }
  | { type: 'ask-note' }
  | { type: 'thanks' }
  | { type: 'rejected'; code: MentorTalkRejectionCode; step: MentorTalkStep };

export type MentorTalkTransition = [MentorTalkState, MentorTalkEffect[]];

export function createMentorTalkState(week: IsoWeek): MentorTalkState {
  return { week, step: 'answer' };
}

/** The button value of an answer; `ref` is the app's opaque id of the placement and week. */
export function mentorTalkValue(answer: MentorTalkAnswer, ref: string): string {
  return `${answer}|${ref}`;
}

const ANSWERS: ReadonlySet<string> = new Set<MentorTalkAnswer>(['yes', 'no', 'moved']);

/** A click on the mentor's question; null when it is not one. `ref` says which student and week. */
export function parseMentorTalkAction(
  actionId: string,
  value: string | undefined,
  formValues?: Readonly<Record<string, string>>,
): { ref: string; event: MentorTalkEvent } | null {
  if (actionId === MENTOR_TALK_ACTIONS.skipNote) return { ref: value ?? '', event: { type: 'note.skipped' } };
  if (actionId !== MENTOR_TALK_ACTIONS.answer) return null;
  const separator = (value ?? '').indexOf('|');
  const answer = separator < 0 ? (value ?? '') : (value ?? '').slice(0, separator);
  const ref = separator < 0 ? '' : (value ?? '').slice(separator + 1);
  if (!ANSWERS.has(answer))
    return { ref, event: { type: 'answer.invalid', code: 'CHECKIN.TALK_ANSWER_EXPECTED' } };
  const note = formValues?.[MENTOR_NOTE_INPUT]?.trim();
  const event: MentorTalkEvent = note
    ? { type: 'talk.answered', answer: answer as MentorTalkAnswer, note }
    : { type: 'talk.answered', answer: answer as MentorTalkAnswer };
  return { ref, event };
}

/** A typed message, read as the answer to the mentor's current question. */
export function parseMentorTalkText(text: string, step: MentorTalkStep): MentorTalkEvent {
  const normalised = normaliseAnswer(text);
  switch (step) {
    case 'answer': {
      if (isTyped('moved', normalised)) return { type: 'talk.answered', answer: 'moved' };
      const yes = parseYesNo(text);
      if (yes === null) return { type: 'answer.invalid', code: 'CHECKIN.TALK_ANSWER_EXPECTED' };
      return { type: 'talk.answered', answer: yes ? 'yes' : 'no' };
    }
    case 'note':
    case 'done':
      if (isSkipWord(normalised)) return { type: 'note.skipped' };
      if (text.trim() === '') return { type: 'answer.invalid', code: 'CHECKIN.EMPTY_ANSWER' };
      return { type: 'note.given', text: text.trim() };
    default:
      return assertNever(step);
  }
}

function reject(state: MentorTalkState, code: MentorTalkRejectionCode): MentorTalkTransition {
  return [state, [{ type: 'rejected', code, step: state.step }]];
}

/**
 * One step of the mentor's talk question. The answer is recorded at once (the note is
 * optional); a later click changes the answer and keeps the note, for a mentor who misclicked.
 */
export function transitionMentorTalk(
  state: MentorTalkState,
  event: MentorTalkEvent,
  at: Date,
): MentorTalkTransition {
  switch (event.type) {
    case 'answer.invalid':
      return reject(state, event.code);
    case 'talk.answered': {
      if (event.note !== undefined && event.note.length > MAX_FREE_TEXT)
        return reject(state, 'CHECKIN.TOO_LONG');
      const note = event.note ?? state.note ?? null;
      const next: MentorTalkState = {
        ...state,
        // Still ask for the note unless one is known or the question was already finished.
        step: note === null && state.step !== 'done' ? 'note' : 'done',
        answer: event.answer,
        note,
        answeredAt: at.toISOString(),
      };
      const recorded: MentorTalkEffect = { type: 'recorded', week: state.week, answer: event.answer, note };
      return [next, [recorded, next.step === 'note' ? { type: 'ask-note' } : { type: 'thanks' }]];
    }
    case 'note.given': {
      if (state.step !== 'note' || state.answer === undefined) {
        return reject(state, state.step === 'done' ? 'CHECKIN.ALREADY_DONE' : 'CHECKIN.TALK_ANSWER_EXPECTED');
      }
      if (event.text.length > MAX_FREE_TEXT) return reject(state, 'CHECKIN.TOO_LONG');
      const next: MentorTalkState = { ...state, step: 'done', note: event.text };
      return [
        next,
        [{ type: 'recorded', week: state.week, answer: state.answer, note: event.text }, { type: 'thanks' }],
      ];
    }
    case 'note.skipped':
      if (state.step !== 'note') {
        return reject(state, state.step === 'done' ? 'CHECKIN.ALREADY_DONE' : 'CHECKIN.TALK_ANSWER_EXPECTED');
      }
      return [{ ...state, step: 'done' }, [{ type: 'thanks' }]];
    default:
      return assertNever(event);
  }
}

/** True while typed text from the mentor belongs to this question. */
export function isMentorTalkAwaitingAnswer(state: MentorTalkState): boolean {
  return state.step !== 'done';
}

/** The stored JSON of a mentor talk state (jsonb), validated when loaded. */
export const mentorTalkStateSchema = z.object({
  week: isoWeekSchema,
  step: z.enum(['answer', 'note', 'done']),
  answer: z.enum(['yes', 'no', 'moved']).exactOptional(),
  note: z.string().max(MAX_FREE_TEXT).nullable().exactOptional(),
  answeredAt: z.iso.datetime().exactOptional(),
});

export function parseMentorTalkState(value: unknown): Result<MentorTalkState> {
  const parsed = mentorTalkStateSchema.safeParse(value);
  if (!parsed.success) return fail('CHECKIN.INVALID_STATE', { issue: parsed.error.issues[0]?.message ?? '' });
  return ok(parsed.data);
}
