import { describe, expect, it } from 'vitest';
import {
  createMentorTalkState,
  isMentorTalkAwaitingAnswer,
  MENTOR_NOTE_INPUT,
  MENTOR_TALK_ACTIONS,
  type MentorTalkState,
  mentorTalkValue,
  parseMentorTalkAction,
  parseMentorTalkText,
  transitionMentorTalk,
} from './mentor-talk';

const AT = new Date('2027-03-26T14:00:00Z');
const LATER = new Date('2027-03-29T07:30:00Z');
const WEEK = '2027-W12';
const REF = 'placement-42:2027-W12';

describe("reading the mentor's answer", () => {
  it.each([
    [mentorTalkValue('yes', REF), undefined, { ref: REF, event: { type: 'talk.answered', answer: 'yes' } }],
    [
      mentorTalkValue('moved', REF),
      undefined,
      { ref: REF, event: { type: 'talk.answered', answer: 'moved' } },
    ],
    [
      mentorTalkValue('no', REF),
      { [MENTOR_NOTE_INPUT]: ' Ziek thuis ' },
      { ref: REF, event: { type: 'talk.answered', answer: 'no', note: 'Ziek thuis' } },
    ],
    [
      mentorTalkValue('no', REF),
      { [MENTOR_NOTE_INPUT]: '  ' },
      { ref: REF, event: { type: 'talk.answered', answer: 'no' } },
    ],
    [
      `maybe|${REF}`,
      undefined,
      { ref: REF, event: { type: 'answer.invalid', code: 'CHECKIN.TALK_ANSWER_EXPECTED' } },
    ],
  ])('reads the click value %j with form %j', (value, formValues, expected) => {
    expect(parseMentorTalkAction(MENTOR_TALK_ACTIONS.answer, value, formValues)).toEqual(expected);
  });

  it('keeps a ref that itself contains the separator', () => {
    expect(parseMentorTalkAction(MENTOR_TALK_ACTIONS.answer, 'yes|a|b')?.ref).toBe('a|b');
  });

  it('reads the skip-note click and ignores other actions', () => {
    expect(parseMentorTalkAction(MENTOR_TALK_ACTIONS.skipNote, REF)).toEqual({
      ref: REF,
      event: { type: 'note.skipped' },
    });
    expect(parseMentorTalkAction('checkin.mood', '3')).toBeNull();
  });

  it.each([
    ['ja', 'answer', { type: 'talk.answered', answer: 'yes' }],
    ['No', 'answer', { type: 'talk.answered', answer: 'no' }],
    ['verzet', 'answer', { type: 'talk.answered', answer: 'moved' }],
    ['moved', 'answer', { type: 'talk.answered', answer: 'moved' }],
    ['soms', 'answer', { type: 'answer.invalid', code: 'CHECKIN.TALK_ANSWER_EXPECTED' }],
    ['Gesprek naar dinsdag', 'note', { type: 'note.given', text: 'Gesprek naar dinsdag' }],
    ['overslaan', 'note', { type: 'note.skipped' }],
  ] as const)('reads typed %j at step %s', (text, step, expected) => {
    expect(parseMentorTalkText(text, step)).toEqual(expected);
  });
});

describe("the mentor's weekly talk question", () => {
  it('records the answer at once, then takes an optional note', () => {
    const [asked, answerEffects] = transitionMentorTalk(
      createMentorTalkState(WEEK),
      { type: 'talk.answered', answer: 'no' },
      AT,
    );
    const [done, noteEffects] = transitionMentorTalk(asked, { type: 'note.given', text: 'Ze was ziek' }, AT);

    expect(answerEffects).toEqual([
      { type: 'recorded', week: WEEK, answer: 'no', note: null },
      { type: 'ask-note' },
    ]);
    expect(noteEffects).toEqual([
      { type: 'recorded', week: WEEK, answer: 'no', note: 'Ze was ziek' },
      { type: 'thanks' },
    ]);
    expect(done).toEqual({
      week: WEEK,
      step: 'done',
      answer: 'no',
      note: 'Ze was ziek',
      answeredAt: AT.toISOString(),
    });
    expect(isMentorTalkAwaitingAnswer(done)).toBe(false);
  });

  it('finishes at once when the note came with the click', () => {
    const [done, effects] = transitionMentorTalk(
      createMentorTalkState(WEEK),
      { type: 'talk.answered', answer: 'moved', note: 'Naar maandag' },
      AT,
    );

    expect(done.step).toBe('done');
    expect(effects).toEqual([
      { type: 'recorded', week: WEEK, answer: 'moved', note: 'Naar maandag' },
      { type: 'thanks' },
    ]);
  });

  it('finishes without a note when the mentor skips it', () => {
    const asking: MentorTalkState = { week: WEEK, step: 'note', answer: 'yes', note: null };

    const [done, effects] = transitionMentorTalk(asking, { type: 'note.skipped' }, AT);

    expect(done).toMatchObject({ step: 'done', answer: 'yes', note: null });
    expect(effects).toEqual([{ type: 'thanks' }]);
  });

  it('lets a mentor who misclicked change the answer and keeps the note', () => {
    const done: MentorTalkState = {
      week: WEEK,
      step: 'done',
      answer: 'no',
      note: 'Verzet',
      answeredAt: AT.toISOString(),
    };

    const [changed, effects] = transitionMentorTalk(done, { type: 'talk.answered', answer: 'moved' }, LATER);

    expect(changed).toEqual({
      week: WEEK,
      step: 'done',
      answer: 'moved',
      note: 'Verzet',
      answeredAt: LATER.toISOString(),
    });
    expect(effects[0]).toEqual({ type: 'recorded', week: WEEK, answer: 'moved', note: 'Verzet' });
  });

  it.each([
    [
      'a note before any answer',
      { week: WEEK, step: 'answer' },
      { type: 'note.given', text: 'x' },
      'CHECKIN.TALK_ANSWER_EXPECTED',
    ],
    [
      'a note after it is done',
      { week: WEEK, step: 'done', answer: 'yes' },
      { type: 'note.given', text: 'x' },
      'CHECKIN.ALREADY_DONE',
    ],
    [
      'a skip before any answer',
      { week: WEEK, step: 'answer' },
      { type: 'note.skipped' },
      'CHECKIN.TALK_ANSWER_EXPECTED',
    ],
    [
      'a note that is too long',
      { week: WEEK, step: 'note', answer: 'yes' },
      { type: 'note.given', text: 'x'.repeat(2001) },
      'CHECKIN.TOO_LONG',
    ],
    [
      'an answer it did not understand',
      { week: WEEK, step: 'answer' },
      { type: 'answer.invalid', code: 'CHECKIN.TALK_ANSWER_EXPECTED' },
      'CHECKIN.TALK_ANSWER_EXPECTED',
    ],
  ] as const)('rejects %s and keeps the state', (_name, state, event, code) => {
    const [next, effects] = transitionMentorTalk(state, event, AT);

    expect(next).toBe(state);
    expect(effects).toEqual([{ type: 'rejected', code, step: state.step }]);
  });
});
