import { describe, expect, it } from 'vitest';
import { receiveCheckinAction, receiveCheckinText, transitionCheckin } from './conversation';
import { type CheckinState, createCheckinState, isCheckinAnswered, isCheckinAwaitingAnswer } from './state';

const AT = new Date('2027-03-26T12:05:00Z');
const LATER = new Date('2027-03-26T12:09:00Z');
const WEEK = '2027-W12';

function at(step: CheckinState['step'], extra: Partial<CheckinState> = {}): CheckinState {
  return { week: WEEK, step, previousMood: null, ...extra };
}

describe('the whole student check-in', () => {
  it('goes mood → learned → talk → topic → done with typed answers and clicks', () => {
    // Arrange
    let state = createCheckinState(WEEK);

    // Act
    const [afterMood, moodEffects] = receiveCheckinText(state, ' 4 ', AT);
    state = afterMood;
    const [afterLearned, learnedEffects] = receiveCheckinText(
      state,
      'Ik heb zelf een overdracht gedaan',
      LATER,
    );
    state = afterLearned;
    const [afterTalk, talkEffects] = receiveCheckinAction(state, 'checkin.talk', 'yes', LATER) ?? [state, []];
    state = afterTalk;
    const [done, doneEffects] = receiveCheckinText(state, 'Mijn rooster', LATER);

    // Assert
    expect(moodEffects).toEqual([
      { type: 'mood.recorded', week: WEEK, mood: 4 },
      { type: 'ask', step: 'learned' },
    ]);
    expect(learnedEffects).toEqual([{ type: 'ask', step: 'talk' }]);
    expect(talkEffects).toEqual([{ type: 'ask', step: 'topic' }]);
    expect(doneEffects).toEqual([
      { type: 'completed', week: WEEK, mood: 4, wantsTalk: true, hasLearned: true },
      {
        type: 'signal',
        signal: { kind: 'wants-talk', week: WEEK, audience: 'mentor', key: `signal:wants-talk:${WEEK}` },
      },
    ]);
    expect(done).toEqual({
      week: WEEK,
      step: 'done',
      mood: 4,
      learned: 'Ik heb zelf een overdracht gedaan',
      wantsTalk: true,
      topic: 'Mijn rooster',
      answeredAt: AT.toISOString(),
      previousMood: null,
    });
    expect(isCheckinAwaitingAnswer(done)).toBe(false);
  });

  it('finishes after "no" to talking, with the learned question skipped by its button', () => {
    const [afterMood] = transitionCheckin(createCheckinState(WEEK), { type: 'mood.given', mood: 3 }, AT);
    const [afterSkip, skipEffects] = receiveCheckinAction(afterMood, 'checkin.skip', 'learned', AT) ?? [
      afterMood,
      [],
    ];

    const [done, effects] = receiveCheckinText(afterSkip, 'nee', AT);

    expect(skipEffects).toEqual([{ type: 'ask', step: 'talk' }]);
    expect(done).toMatchObject({ step: 'done', learned: null, wantsTalk: false });
    expect(effects).toEqual([
      { type: 'completed', week: WEEK, mood: 3, wantsTalk: false, hasLearned: false },
    ]);
  });

  it('notes the topic as skipped when the student wants to talk but names none', () => {
    const [done, effects] = receiveCheckinText(
      at('topic', { mood: 2, learned: null, wantsTalk: true }),
      'skip',
      AT,
    );

    expect(done).toMatchObject({ step: 'done', topic: null, wantsTalk: true });
    expect(effects.map((effect) => effect.type)).toEqual(['completed', 'signal']);
  });

  it('counts the check-in as answered from the mood on, at the time the student gave it', () => {
    const [state] = receiveCheckinAction(createCheckinState(WEEK), 'checkin.mood', '5', AT) ?? [];

    expect(state && isCheckinAnswered(state)).toBe(true);
    expect(state?.answeredAt).toBe('2027-03-26T12:05:00.000Z');
    expect(isCheckinAnswered(createCheckinState(WEEK))).toBe(false);
  });
});

describe('answers the check-in cannot use', () => {
  it.each([
    ['mood', '7', 'CHECKIN.MOOD_OUT_OF_RANGE'],
    ['mood', '0', 'CHECKIN.MOOD_OUT_OF_RANGE'],
    ['mood', 'tja', 'CHECKIN.MOOD_NOT_UNDERSTOOD'],
    ['mood', 'overslaan', 'CHECKIN.MOOD_REQUIRED'],
    ['learned', '  ', 'CHECKIN.EMPTY_ANSWER'],
    ['learned', 'x'.repeat(2001), 'CHECKIN.TOO_LONG'],
    ['talk', 'misschien', 'CHECKIN.YES_NO_EXPECTED'],
    ['topic', '', 'CHECKIN.EMPTY_ANSWER'],
    ['done', '3', 'CHECKIN.ALREADY_DONE'],
  ] as const)('at step %s, %j is rejected with %s and the state stays the same', (step, text, code) => {
    const state = at(step, step === 'mood' ? {} : { mood: 3 });

    const [next, effects] = receiveCheckinText(state, text, AT);

    expect(next).toBe(state);
    expect(effects).toEqual([{ type: 'rejected', code, step }]);
  });

  it.each([
    [
      'the mood scale again while asked what they learned',
      'learned',
      'checkin.mood',
      '2',
      'CHECKIN.NOT_THIS_STEP',
    ],
    [
      'yes to talking while asked what they learned',
      'learned',
      'checkin.talk',
      'yes',
      'CHECKIN.NOT_THIS_STEP',
    ],
    [
      'an old "skip learned" while asked for a topic',
      'topic',
      'checkin.skip',
      'learned',
      'CHECKIN.NOT_THIS_STEP',
    ],
    ['a skip after the check-in is done', 'done', 'checkin.skip', 'topic', 'CHECKIN.ALREADY_DONE'],
    ['a mood button with a broken value', 'mood', 'checkin.mood', '9', 'CHECKIN.MOOD_OUT_OF_RANGE'],
  ] as const)('rejects a click on %s', (_name, step, actionId, value, code) => {
    const state = at(step, step === 'mood' ? {} : { mood: 3 });

    const [next, effects] = receiveCheckinAction(state, actionId, value, AT) ?? [];

    expect(next).toBe(state);
    expect(effects).toEqual([{ type: 'rejected', code, step }]);
  });

  it('treats a stored state that reached the end without a mood as a fault', () => {
    expect(() => receiveCheckinText(at('talk'), 'nee', AT)).toThrow(/without a mood/);
  });

  it('leaves clicks of other features alone', () => {
    expect(receiveCheckinAction(at('mood'), 'starr.submit', undefined, AT)).toBeNull();
  });
});

describe('mood signals during the conversation', () => {
  it.each([
    [1, null, 'mood-1'],
    [1, 4, 'mood-1'],
    [2, 2, 'low-twice'],
    [2, 1, 'low-twice'],
  ])('mood %d after %s alerts the mentor at once (%s)', (mood, previousMood, reason) => {
    const state = createCheckinState(WEEK, previousMood === null ? null : at('done', { mood: previousMood }));

    const [, effects] = transitionCheckin(state, { type: 'mood.given', mood }, AT);

    expect(effects).toContainEqual({
      type: 'signal',
      signal: { kind: 'mood-low', week: WEEK, audience: 'mentor', key: `signal:mood-low:${WEEK}`, reason },
    });
  });

  it.each([
    [2, null],
    [2, 3],
    [3, 1],
  ])('mood %d after %s raises no signal', (mood, previousMood) => {
    const state = createCheckinState(WEEK, previousMood === null ? null : at('done', { mood: previousMood }));

    const [, effects] = transitionCheckin(state, { type: 'mood.given', mood }, AT);

    expect(effects.filter((effect) => effect.type === 'signal')).toEqual([]);
  });
});
