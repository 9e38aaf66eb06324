import { describe, expect, it } from 'vitest';
import { CHECKIN_ACTIONS, parseCheckinAction, parseCheckinText, parseMood, parseYesNo } from './parse';

describe('reading a typed mood', () => {
  it.each([
    ['3', 3],
    [' 4 ', 4],
    ['1', 1],
    ['5!', 5],
    ['7', 7], // understood as a number; the transition says it is out of range
    ['0', 0],
    ['slecht', 1],
    ['Matig', 2],
    ['gaat wel', 3],
    ['oké', 3],
    ['Goed.', 4],
    ['prima', 4],
    ['TOP', 5],
    ['bad', 1],
    ['meh', 2],
    ['ok', 3],
    ['good', 4],
    ['great', 5],
    ['not good', 2],
  ])('reads %j as mood %d', (text, mood) => {
    expect(parseMood(text)).toBe(mood);
  });

  it.each(['', 'drie', '3.5', '3 of 4', 'weet ik niet', '12345'])('does not read %j as a mood', (text) => {
    expect(parseMood(text)).toBeNull();
  });
});

describe('reading a typed yes or no', () => {
  it.each([
    ['ja', true],
    ['Ja graag', true],
    ['yes', true],
    ['nee', false],
    ['Nee hoor.', false],
    ['no', false],
    ['misschien', null],
  ])('reads %j as %s', (text, expected) => {
    expect(parseYesNo(text)).toBe(expected);
  });
});

describe('reading typed text for the current question', () => {
  it.each([
    ['mood', '4', { type: 'mood.given', mood: 4 }],
    ['mood', 'geen idee', { type: 'answer.invalid', code: 'CHECKIN.MOOD_NOT_UNDERSTOOD' }],
    ['mood', 'overslaan', { type: 'step.skipped' }],
    [
      'learned',
      ' Ik heb een klantgesprek gevoerd ',
      { type: 'text.given', text: 'Ik heb een klantgesprek gevoerd' },
    ],
    ['learned', 'Overslaan', { type: 'step.skipped' }],
    ['learned', 'skip', { type: 'step.skipped' }],
    ['learned', '4', { type: 'text.given', text: '4' }],
    ['learned', '   ', { type: 'answer.invalid', code: 'CHECKIN.EMPTY_ANSWER' }],
    ['talk', 'ja', { type: 'talk.given', wantsTalk: true }],
    ['talk', 'no', { type: 'talk.given', wantsTalk: false }],
    ['talk', 'skip', { type: 'step.skipped' }],
    ['talk', 'misschien', { type: 'answer.invalid', code: 'CHECKIN.YES_NO_EXPECTED' }],
    ['topic', 'Mijn planning', { type: 'text.given', text: 'Mijn planning' }],
    ['topic', 'nee', { type: 'step.skipped' }],
    ['topic', 'overslaan', { type: 'step.skipped' }],
  ] as const)('at step %s reads %j as %j', (step, text, expected) => {
    expect(parseCheckinText(text, step)).toEqual(expected);
  });
});

describe('reading a button click', () => {
  it.each([
    [CHECKIN_ACTIONS.mood, '2', { type: 'mood.given', mood: 2 }],
    [CHECKIN_ACTIONS.mood, 'x', { type: 'answer.invalid', code: 'CHECKIN.MOOD_OUT_OF_RANGE' }],
    [CHECKIN_ACTIONS.skip, 'learned', { type: 'step.skipped', step: 'learned' }],
    [CHECKIN_ACTIONS.skip, undefined, { type: 'step.skipped' }],
    [CHECKIN_ACTIONS.talk, 'yes', { type: 'talk.given', wantsTalk: true }],
    [CHECKIN_ACTIONS.talk, 'no', { type: 'talk.given', wantsTalk: false }],
    [CHECKIN_ACTIONS.talk, 'maybe', { type: 'answer.invalid', code: 'CHECKIN.YES_NO_EXPECTED' }],
  ])('reads %s with value %j as %j', (actionId, value, expected) => {
    expect(parseCheckinAction(actionId, value)).toEqual(expected);
  });

  it('ignores a click that is not a check-in button', () => {
    expect(parseCheckinAction('starr.start', undefined)).toBeNull();
  });

  it('uses the action ids the messages promise', () => {
    expect(CHECKIN_ACTIONS).toEqual({ mood: 'checkin.mood', skip: 'checkin.skip', talk: 'checkin.talk' });
  });
});
