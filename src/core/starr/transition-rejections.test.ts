import { describe, expect, it } from 'vitest';
import type { StarrEffect, StarrEvent } from './events';
import { createStarrState, type StarrState } from './state';
import { answer, CTX, daysLater, FULL_MONTHLY, GOOD_ANSWERS, MONDAY, play } from './test-fixtures';
import { transition } from './transition';

describe('bad input changes nothing', () => {
  const inProgress = play(FULL_MONTHLY.slice(0, 3)).state;
  const atSummary = play(FULL_MONTHLY).state;
  const submitted = play([...FULL_MONTHLY, { type: 'submit' }]).state;
  const paused = play([{ type: 'start' }, { type: 'stop' }]).state;

  it.each<[string, StarrState, StarrEvent, StarrEffect]>([
    [
      'an empty answer',
      inProgress,
      answer('   '),
      { type: 'rejected', code: 'STARR.EMPTY_ANSWER', params: { step: 'task' } },
    ],
    [
      'back on the first step',
      createStarrState('r', 'monthly', MONDAY),
      { type: 'back' },
      { type: 'rejected', code: 'STARR.AT_FIRST_STEP' },
    ],
    [
      'submit before the summary',
      inProgress,
      { type: 'submit' },
      { type: 'rejected', code: 'STARR.NOT_AT_SUMMARY' },
    ],
    [
      'edit before the summary',
      inProgress,
      { type: 'edit', step: 2 },
      { type: 'rejected', code: 'STARR.NOT_AT_SUMMARY' },
    ],
    [
      'edit of step 7 of 6',
      atSummary,
      { type: 'edit', step: 7 },
      { type: 'rejected', code: 'STARR.NO_SUCH_STEP', params: { step: '7' } },
    ],
    [
      'a blank answer at the summary',
      atSummary,
      answer('   '),
      { type: 'rejected', code: 'STARR.AT_SUMMARY' },
    ],
    [
      'a goal number that does not exist',
      createStarrState('r', 'monthly', MONDAY),
      { type: 'choose-goal', index: 5 },
      { type: 'rejected', code: 'STARR.NO_SUCH_GOAL', params: { number: 6 } },
    ],
    [
      'choosing a goal on another step',
      inProgress,
      { type: 'choose-goal', index: 0 },
      { type: 'rejected', code: 'STARR.NOT_A_GOAL_STEP' },
    ],
    [
      'an answer while paused',
      paused,
      answer(GOOD_ANSWERS.task),
      { type: 'rejected', code: 'STARR.NOT_ACTIVE', params: { status: 'paused' } },
    ],
    [
      'an answer after submitting',
      submitted,
      answer(GOOD_ANSWERS.task),
      { type: 'rejected', code: 'STARR.ALREADY_SUBMITTED' },
    ],
    [
      'cancel after submitting',
      submitted,
      { type: 'cancel' },
      { type: 'rejected', code: 'STARR.ALREADY_SUBMITTED' },
    ],
  ])('%s is rejected and leaves the state as it was', (_name, state, event, expected) => {
    const [next, effects] = transition(state, event, daysLater(3), CTX);

    expect(next).toBe(state);
    expect(effects).toEqual([expected]);
  });

  it('answers help without changing anything', () => {
    const [next, effects] = transition(inProgress, { type: 'help' }, daysLater(3), CTX);

    expect(next).toBe(inProgress);
    expect(effects).toEqual([{ type: 'help', step: 'task' }]);
  });
});
