import { describe, expect, it } from 'vitest';
import { createStarrState, type StarrState } from './state';
import {
  answer,
  CTX,
  daysLater,
  FULL_MONTHLY,
  GOOD_ANSWERS,
  GOOD_INTRO_ANSWERS,
  MONDAY,
  minutesLater,
  play,
} from './test-fixtures';
import { transition } from './transition';

describe('the monthly STARR conversation', () => {
  it('asks every step in order, shows the summary, and submits all six answers', () => {
    const { state, effects } = play([...FULL_MONTHLY, { type: 'submit' }]);

    const asked = effects.flat().flatMap((effect) => (effect.type === 'ask' ? [effect.step] : []));
    expect(asked).toEqual(['goal', 'situation', 'task', 'action', 'result', 'reflection']);
    expect(effects[6]).toEqual([{ type: 'summary', answers: state.answers }]);
    expect(effects[7]).toEqual([
      {
        type: 'submitted',
        neededNudges: false,
        answers: { goal: CTX.goals[1], ...GOOD_ANSWERS },
      },
    ]);
    expect(state.status).toBe('submitted');
    expect(state.submittedAt).toBe(minutesLater(8).toISOString());
  });

  it('numbers each question over the six steps', () => {
    const { effects } = play([
      { type: 'start' },
      { type: 'choose-goal', index: 0 },
      answer(GOOD_ANSWERS.situation),
    ]);

    expect(effects[2]).toEqual([{ type: 'ask', step: 'task', stepNumber: 3, totalSteps: 6 }]);
  });

  it('lets the student stop and resume a day later with everything kept', () => {
    const { state: paused, effects } = play([...FULL_MONTHLY.slice(0, 4), { type: 'stop' }]);
    const stored = JSON.parse(JSON.stringify(paused)) as StarrState;

    const [resumed, resumeEffects] = transition(stored, { type: 'resume' }, daysLater(1), CTX);

    expect(effects[4]).toEqual([{ type: 'paused' }]);
    expect(stored).toStrictEqual(paused);
    expect(paused.status).toBe('paused');
    expect(resumed.status).toBe('in-progress');
    expect(resumed.updatedAt).toBe(daysLater(1).toISOString());
    expect(resumeEffects).toEqual([{ type: 'ask', step: 'action', stepNumber: 4, totalSteps: 6 }]);
    expect(resumed.answers).toEqual({
      goal: CTX.goals[1],
      situation: GOOD_ANSWERS.situation,
      task: GOOD_ANSWERS.task,
    });
  });

  it('treats start on a paused draft as resume', () => {
    const { state } = play([...FULL_MONTHLY.slice(0, 3), { type: 'stop' }, { type: 'start' }]);

    expect(state.status).toBe('in-progress');
    expect(state.step).toBe('task');
  });

  it('goes back one step and shows the earlier answer', () => {
    const { state, effects } = play([...FULL_MONTHLY.slice(0, 4), { type: 'back' }]);

    expect(state.step).toBe('task');
    expect(effects[4]).toEqual([
      { type: 'ask', step: 'task', stepNumber: 3, totalSteps: 6, previousAnswer: GOOD_ANSWERS.task },
    ]);
  });

  it('goes back from the summary to the last step', () => {
    const { state } = play([...FULL_MONTHLY, { type: 'back' }]);

    expect(state.step).toBe('reflection');
    expect(state.returnToSummary).toBe(false);
  });

  it('edits step 2 from the summary and returns to the summary', () => {
    const { state, effects } = play([
      ...FULL_MONTHLY,
      { type: 'edit', step: 2 },
      answer('Een nieuwe situatie.'),
    ]);

    expect(effects[7]).toEqual([
      {
        type: 'ask',
        step: 'situation',
        stepNumber: 2,
        totalSteps: 6,
        previousAnswer: GOOD_ANSWERS.situation,
      },
    ]);
    expect(effects[8]?.at(-1)).toEqual({ type: 'summary', answers: state.answers });
    expect(state.step).toBe('summary');
    expect(state.answers.situation).toBe('Een nieuwe situatie.');
    expect(state.returnToSummary).toBe(false);
  });

  it('edits a step named by its id', () => {
    const { state } = play([...FULL_MONTHLY, { type: 'edit', step: 'result' }]);

    expect(state.step).toBe('result');
    expect(state.returnToSummary).toBe(true);
  });

  it('discards the draft on cancel and starts afresh afterwards', () => {
    const { state: cancelled, effects } = play([...FULL_MONTHLY.slice(0, 4), { type: 'cancel' }]);
    const [restarted, restartEffects] = transition(cancelled, { type: 'start' }, daysLater(2), CTX);

    expect(effects[4]).toEqual([{ type: 'cancelled' }]);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.answers).toEqual({});
    expect(restarted.status).toBe('in-progress');
    expect(restarted.startedAt).toBe(daysLater(2).toISOString());
    expect(restartEffects).toEqual([{ type: 'ask', step: 'goal', stepNumber: 1, totalSteps: 6 }]);
  });

  it('rejects submit with the missing steps after a skip and asks the first of them', () => {
    const events = [...FULL_MONTHLY.slice(0, 3), { type: 'skip' } as const, ...FULL_MONTHLY.slice(4)];
    const { state, effects } = play([...events, { type: 'submit' }]);

    expect(effects.at(-1)).toEqual([
      { type: 'rejected', code: 'STARR.INCOMPLETE', params: { steps: 'task' } },
      { type: 'ask', step: 'task', stepNumber: 3, totalSteps: 6 },
    ]);
    expect(state.status).toBe('in-progress');
    expect(state.step).toBe('task');
    expect(state.answers.task).toBeUndefined();
  });

  it('returns to the summary once the missing step is answered, and then submits', () => {
    const events = [...FULL_MONTHLY.slice(0, 3), { type: 'skip' } as const, ...FULL_MONTHLY.slice(4)];
    const { state } = play([...events, { type: 'submit' }, answer(GOOD_ANSWERS.task), { type: 'submit' }]);

    expect(state.status).toBe('submitted');
  });

  it('keeps an earlier answer when a revisited step is skipped', () => {
    const { state } = play([...FULL_MONTHLY.slice(0, 4), { type: 'back' }, { type: 'skip' }]);

    expect(state.answers.task).toBe(GOOD_ANSWERS.task);
    expect(state.step).toBe('action');
  });

  it('reports whether any quality nudge was needed when submitting', () => {
    const events = [...FULL_MONTHLY.slice(0, 3), answer('Ik hielp.'), ...FULL_MONTHLY.slice(4)];
    const { effects } = play([...events, { type: 'submit' }]);

    expect(effects.at(-1)).toEqual([expect.objectContaining({ type: 'submitted', neededNudges: true })]);
  });
});

describe('the goal step', () => {
  it('takes a goal the student types themselves', () => {
    const { state } = play([{ type: 'start' }, answer('Omgaan met feedback')]);

    expect(state.answers.goal).toBe('Omgaan met feedback');
    expect(state.step).toBe('situation');
  });

  it('gives no quality nudge for a short goal', () => {
    const { effects } = play([{ type: 'start' }, answer('Feedback')]);

    expect(effects[1]?.map((effect) => effect.type)).toEqual(['ask']);
  });
});

describe('the intro report', () => {
  it('is a three-step guided text without STARR, ending in the summary and submit', () => {
    const { state, effects } = play(
      [
        { type: 'start' },
        answer(GOOD_INTRO_ANSWERS.meeting),
        answer(GOOD_INTRO_ANSWERS.expectations),
        answer(GOOD_INTRO_ANSWERS.goals),
        { type: 'submit' },
      ],
      CTX,
      createStarrState('intro-1', 'intro', MONDAY),
    );

    expect(effects[0]).toEqual([{ type: 'ask', step: 'meeting', stepNumber: 1, totalSteps: 3 }]);
    expect(effects[3]).toEqual([{ type: 'summary', answers: GOOD_INTRO_ANSWERS }]);
    expect(effects[4]).toEqual([{ type: 'submitted', answers: GOOD_INTRO_ANSWERS, neededNudges: false }]);
    expect(state.status).toBe('submitted');
  });

  it('nudges a short mid-term answer too', () => {
    const { effects } = play(
      [{ type: 'start' }, answer('Gaat prima.')],
      CTX,
      createStarrState('mid-1', 'midterm', MONDAY),
    );

    expect(effects[1]).toEqual([
      { type: 'nudge', step: 'progress', reason: 'too-short' },
      { type: 'ask', step: 'strengths', stepNumber: 2, totalSteps: 3 },
    ]);
  });
});
