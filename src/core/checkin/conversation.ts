import { assertNever, StagecoachError } from '../shared/errors';
import { parseCheckinAction, parseCheckinText } from './parse';
import { createSignal, moodLowReason } from './signals';
import {
  type CheckinEffect,
  type CheckinEvent,
  type CheckinRejectionCode,
  type CheckinState,
  MAX_FREE_TEXT,
} from './state';

export type CheckinTransition = [CheckinState, CheckinEffect[]];

const MIN_MOOD = 1;
const MAX_MOOD = 5;

function reject(state: CheckinState, code: CheckinRejectionCode): CheckinTransition {
  return [state, [{ type: 'rejected', code, step: state.step }]];
}

function complete(state: CheckinState): CheckinTransition {
  const done: CheckinState = { ...state, step: 'done' };
  const mood = done.mood;
  if (mood === undefined) {
    throw new StagecoachError('CHECKIN.NO_MOOD', `Check-in ${done.week} finished without a mood`);
  }
  const wantsTalk = done.wantsTalk ?? false;
  const effects: CheckinEffect[] = [
    {
      type: 'completed',
      week: done.week,
      mood,
      wantsTalk,
      hasLearned: typeof done.learned === 'string',
    },
  ];
  if (wantsTalk) effects.push({ type: 'signal', signal: createSignal('wants-talk', done.week) });
  return [done, effects];
}

function freeText(event: CheckinEvent): { text: string | null } | CheckinRejectionCode | null {
  if (event.type === 'step.skipped') return { text: null };
  if (event.type !== 'text.given') return null;
  return event.text.length > MAX_FREE_TEXT ? 'CHECKIN.TOO_LONG' : { text: event.text };
}

function onMood(state: CheckinState, event: CheckinEvent, at: Date): CheckinTransition {
  if (event.type === 'step.skipped') return reject(state, 'CHECKIN.MOOD_REQUIRED');
  if (event.type !== 'mood.given') return reject(state, 'CHECKIN.NOT_THIS_STEP');
  const { mood } = event;
  if (!Number.isInteger(mood) || mood < MIN_MOOD || mood > MAX_MOOD) {
    return reject(state, 'CHECKIN.MOOD_OUT_OF_RANGE');
  }
  const next: CheckinState = { ...state, step: 'learned', mood, answeredAt: at.toISOString() };
  const effects: CheckinEffect[] = [{ type: 'mood.recorded', week: state.week, mood }];
  const reason = moodLowReason(mood, state.previousMood ?? null);
  if (reason) effects.push({ type: 'signal', signal: createSignal('mood-low', state.week, reason) });
  effects.push({ type: 'ask', step: 'learned' });
  return [next, effects];
}

function onLearned(state: CheckinState, event: CheckinEvent): CheckinTransition {
  const answer = freeText(event);
  if (answer === null) return reject(state, 'CHECKIN.NOT_THIS_STEP');
  if (typeof answer === 'string') return reject(state, answer);
  return [{ ...state, step: 'talk', learned: answer.text }, [{ type: 'ask', step: 'talk' }]];
}

function onTalk(state: CheckinState, event: CheckinEvent): CheckinTransition {
  if (event.type === 'text.given') return reject(state, 'CHECKIN.YES_NO_EXPECTED');
  if (event.type === 'step.skipped') return complete({ ...state, wantsTalk: false });
  if (event.type !== 'talk.given') return reject(state, 'CHECKIN.NOT_THIS_STEP');
  if (!event.wantsTalk) return complete({ ...state, wantsTalk: false });
  return [{ ...state, step: 'topic', wantsTalk: true }, [{ type: 'ask', step: 'topic' }]];
}

function onTopic(state: CheckinState, event: CheckinEvent): CheckinTransition {
  const answer = freeText(event);
  if (answer === null) return reject(state, 'CHECKIN.NOT_THIS_STEP');
  if (typeof answer === 'string') return reject(state, answer);
  return complete({ ...state, topic: answer.text });
}

/**
 * One step of the student's weekly check-in: mood → one thing learned (skippable) → wants to
 * talk (yes/no) → topic (skippable, only after yes). Invalid answers leave the state unchanged
 * and yield a `rejected` effect; nothing here sends anything.
 */
export function transitionCheckin(state: CheckinState, event: CheckinEvent, at: Date): CheckinTransition {
  if (event.type === 'answer.invalid') return reject(state, event.code);
  // A skip button names the question it belongs to; an old one must not skip the current one.
  if (event.type === 'step.skipped' && event.step !== undefined && event.step !== state.step) {
    return reject(state, state.step === 'done' ? 'CHECKIN.ALREADY_DONE' : 'CHECKIN.NOT_THIS_STEP');
  }
  switch (state.step) {
    case 'mood':
      return onMood(state, event, at);
    case 'learned':
      return onLearned(state, event);
    case 'talk':
      return onTalk(state, event);
    case 'topic':
      return onTopic(state, event);
    case 'done':
      return reject(state, 'CHECKIN.ALREADY_DONE');
    default:
      return assertNever(state.step);
  }
}

/** A typed message in the student's direct conversation, while `isCheckinAwaitingAnswer`. */
export function receiveCheckinText(state: CheckinState, text: string, at: Date): CheckinTransition {
  return transitionCheckin(state, parseCheckinText(text, state.step), at);
}

/** A click; null when `actionId` is not a check-in button (route it elsewhere). */
export function receiveCheckinAction(
  state: CheckinState,
  actionId: string,
  value: string | undefined,
  at: Date,
): CheckinTransition | null {
  const event = parseCheckinAction(actionId, value);
  return event === null ? null : transitionCheckin(state, event, at);
}
