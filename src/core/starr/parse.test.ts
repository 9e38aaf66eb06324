import { describe, expect, it } from 'vitest';
import type { StarrEvent } from './events';
import { parseStarrAction, parseStarrText, STARR_ACTIONS } from './parse';
import { createStarrState, type StarrState } from './state';
import { MONDAY } from './test-fixtures';

const atGoal = createStarrState('report-1', 'monthly', MONDAY);
const atTask: StarrState = { ...atGoal, step: 'task' };
const atSummary: StarrState = { ...atGoal, step: 'summary' };

describe('typed keywords', () => {
  it.each<[string, StarrEvent]>([
    ['start', { type: 'start' }],
    ['Reflectie', { type: 'start' }],
    ['begin', { type: 'start' }],
    ['terug', { type: 'back' }],
    ['  BACK  ', { type: 'back' }],
    ['overslaan', { type: 'skip' }],
    ['skip', { type: 'skip' }],
    ['stop', { type: 'stop' }],
    ['pauze', { type: 'stop' }],
    ['pause', { type: 'stop' }],
    ['Stop!', { type: 'stop' }],
    ['verder', { type: 'resume' }],
    ['resume', { type: 'resume' }],
    ['continue', { type: 'resume' }],
    ['annuleer', { type: 'cancel' }],
    ['annuleren', { type: 'cancel' }],
    ['cancel', { type: 'cancel' }],
    ['verstuur', { type: 'submit' }],
    ['versturen', { type: 'submit' }],
    ['submit', { type: 'submit' }],
    ['send', { type: 'submit' }],
    ['help', { type: 'help' }],
    ['Hulp?', { type: 'help' }],
    ['?', { type: 'help' }],
  ])('reads "%s" as %o', (text, expected) => {
    expect(parseStarrText(text, atTask)).toEqual(expected);
  });

  it.each<[string, StarrEvent]>([
    ['wijzig 2', { type: 'edit', step: 2 }],
    ['Wijzig stap 3', { type: 'edit', step: 3 }],
    ['aanpassen 4', { type: 'edit', step: 4 }],
    ['edit 2', { type: 'edit', step: 2 }],
    ['edit step 6', { type: 'edit', step: 6 }],
    ['edit reflection', { type: 'edit', step: 'reflection' }],
  ])('reads "%s" as an edit', (text, expected) => {
    expect(parseStarrText(text, atSummary)).toEqual(expected);
  });

  it.each([
    'Ik wilde stoppen maar ging toch verder.',
    'wijzig het rooster van morgen',
    'stop met roken',
    '2',
  ])('keeps "%s" as an answer outside the goal step', (text) => {
    expect(parseStarrText(text, atTask)).toEqual({ type: 'answer', text });
  });

  it('reads a number on the goal step as that goal, counting from 1', () => {
    expect(parseStarrText(' 2 ', atGoal)).toEqual({ type: 'choose-goal', index: 1 });
  });

  it('reads other text on the goal step as a goal of the student’s own', () => {
    expect(parseStarrText('Omgaan met feedback', atGoal)).toEqual({
      type: 'answer',
      text: 'Omgaan met feedback',
    });
  });
});

describe('button actions', () => {
  it.each<[string, string | undefined, StarrEvent | null]>([
    [STARR_ACTIONS.start, 'report-1', { type: 'start' }],
    [STARR_ACTIONS.back, undefined, { type: 'back' }],
    [STARR_ACTIONS.skip, undefined, { type: 'skip' }],
    [STARR_ACTIONS.stop, undefined, { type: 'stop' }],
    [STARR_ACTIONS.resume, undefined, { type: 'resume' }],
    [STARR_ACTIONS.cancel, undefined, { type: 'cancel' }],
    [STARR_ACTIONS.submit, undefined, { type: 'submit' }],
    [STARR_ACTIONS.help, undefined, { type: 'help' }],
    [STARR_ACTIONS.edit, '3', { type: 'edit', step: 3 }],
    [STARR_ACTIONS.goal, '0', { type: 'choose-goal', index: 0 }],
    [STARR_ACTIONS.goal, 'abc', null],
    [STARR_ACTIONS.edit, undefined, null],
    ['checkin.mood', '3', null],
  ])('reads %s with value %s as %o', (actionId, value, expected) => {
    expect(parseStarrAction(actionId, value)).toEqual(expected);
  });

  it('uses the documented action ids', () => {
    expect(Object.values(STARR_ACTIONS).sort()).toEqual([
      'starr.back',
      'starr.cancel',
      'starr.edit',
      'starr.goal',
      'starr.help',
      'starr.resume',
      'starr.skip',
      'starr.start',
      'starr.stop',
      'starr.submit',
    ]);
  });
});
