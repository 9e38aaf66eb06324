import { describe, expect, it } from 'vitest';
import type { StarrContext, StarrEffect } from './events';
import { countWords, findQualityIssue, seemsToNameClient } from './nudges';
import { createStarrState, type StarrState, type StarrStepId } from './state';
import type { QualityCheck } from './steps';
import { CTX, FADED, GOOD_ANSWERS, MONDAY, minutesLater } from './test-fixtures';
import { transition } from './transition';

const LONG_WITHOUT_I =
  'De bewoner werd rustig gemaakt door het team, er werd thee gezet en daarna ging het ontbijt gewoon weer verder.';
const LONG_WITHOUT_INTENTION =
  'Ik heb geleerd dat rustig blijven en goed luisteren veel helpt bij een bewoner die onrustig is tijdens het eten.';

describe('quality checks', () => {
  it.each<[string, readonly QualityCheck[], string, ReturnType<typeof findQualityIssue>]>([
    ['seven words of filler', ['too-short'], 'een twee drie vier vijf zes zeven', 'too-short'],
    [
      'the same word over and over',
      ['too-short'],
      'druk druk druk druk druk druk druk druk druk druk druk druk',
      'too-short',
    ],
    ['an action without "ik"', ['no-first-person', 'too-short'], LONG_WITHOUT_I, 'no-first-person'],
    ['an action with "ik"', ['no-first-person', 'too-short'], GOOD_ANSWERS.action, null],
    ['an English action with "I"', ['no-first-person'], 'I sat down next to her.', null],
    ['an English action with "I\'m"', ['no-first-person'], "I'm the one who called.", null],
    [
      '"i.p.v." is not a first person',
      ['no-first-person'],
      'i.p.v. wachten werd de collega gebeld',
      'no-first-person',
    ],
    ['a reflection without intention', ['no-intention', 'too-short'], LONG_WITHOUT_INTENTION, 'no-intention'],
    ['a reflection with "volgende keer"', ['no-intention'], 'Volgende keer vraag ik eerder om hulp.', null],
    ['a reflection with "voortaan"', ['no-intention'], 'Voortaan neem ik meer tijd.', null],
    ['a reflection with "ik wil"', ['no-intention'], 'Ik wil beter luisteren.', null],
    ['a reflection with "in de toekomst"', ['no-intention'], 'In de toekomst bel ik eerder.', null],
    ['a reflection with "next time"', ['no-intention'], 'Next time I ask for help sooner.', null],
    ['a reflection with a curly "I’ll"', ['no-intention'], 'I’ll ask for help sooner.', null],
    ['a reflection with "I want to"', ['no-intention'], 'I want to listen better.', null],
    ['a reflection in the past only', ['no-intention'], 'I went home and ate.', 'no-intention'],
  ])('%s gives %s', (_name, checks, text, expected) => {
    expect(findQualityIssue(text, checks)).toBe(expected);
  });

  it('counts words, not punctuation', () => {
    expect(countWords('  Ik ging — rustig — zitten.  ')).toBe(4);
  });
});

/**
 * The calibration set: answers as students write them, from a fragment to a full paragraph.
 * Only the fragments are nudged; an ordinary sentence of 70–100 characters is not.
 */
describe('the short-answer nudge on real answers', () => {
  it.each<[string, boolean]>([
    ['Het was druk.', true],
    ['Ik heb geholpen met eten.', true],
    ['Bewoner wilde niet douchen, ik bleef rustig.', true],
    ['Ja dat ging wel goed eigenlijk denk ik wel.', true],
    ['Ik heb rustig met haar gepraat en gevraagd wat ze nodig had.', false],
    ['De collega van de late dienst vroeg mij de overdracht van gang B te doen.', false],
    ['Het lukte: ze at haar boterham op omdat ze zich gehoord voelde door mij.', false],
    ['Ik moest de bewoner op tijd klaar hebben voor het ontbijt, zonder haar op te jagen.', false],
    [GOOD_ANSWERS.situation, false],
    [GOOD_ANSWERS.result, false],
  ])('"%s" is too short: %s', (answer, tooShort) => {
    expect(findQualityIssue(answer, ['too-short'])).toBe(tooShort ? 'too-short' : null);
  });
});

describe('privacy check', () => {
  it.each([
    'Ik hielp mevrouw Jansen met opstaan.',
    'Meneer De Vries was boos.',
    'Ik sprak met meneer de Vries.',
    'Ik sprak met mevr. Bakker.',
    'Dhr. Smit wilde niet eten.',
    'mw. Pietersen belde.',
    'I helped Mr. Smith.',
    'Mrs Jones was upset.',
    'cliënt Karel wilde niet.',
    'The client Anna refused.',
  ])('notices a client name in "%s"', (text) => {
    expect(seemsToNameClient(text)).toBe(true);
  });

  it.each([
    'Ik hielp mevrouw J. met opstaan.',
    'De cliënt wilde niet.',
    'Ik hielp de meneer van kamer vier.',
    'We overlegden via MS Teams.',
    'Ik sprak met mijn begeleider Sanne.',
  ])('lets "%s" pass', (text) => {
    expect(seemsToNameClient(text)).toBe(false);
  });
});

/** A monthly draft positioned at `step`, with the earlier steps answered well. */
function draftAt(step: StarrStepId): StarrState {
  const base = createStarrState('report-1', 'monthly', MONDAY);
  return { ...base, step, answers: { goal: CTX.goals[0] ?? '' } };
}

function answerAt(step: StarrStepId, text: string, ctx: StarrContext = CTX): [StarrState, StarrEffect[]] {
  return transition(draftAt(step), { type: 'answer', text }, minutesLater(1), ctx);
}

describe('nudges in the conversation', () => {
  it.each<[StarrStepId, string, StarrEffect]>([
    ['situation', 'Het was druk.', { type: 'nudge', step: 'situation', reason: 'too-short' }],
    ['action', LONG_WITHOUT_I, { type: 'nudge', step: 'action', reason: 'no-first-person' }],
    ['reflection', LONG_WITHOUT_INTENTION, { type: 'nudge', step: 'reflection', reason: 'no-intention' }],
  ])('nudges the %s step, saves the answer and moves on', (step, text, nudge) => {
    const [next, effects] = answerAt(step, text);

    expect(effects[0]).toEqual(nudge);
    expect(effects[1]?.type).toMatch(/^(ask|summary)$/);
    expect(next.answers[step]).toBe(text);
    expect(next.step).not.toBe(step);
    expect(next.nudgedSteps).toEqual([step]);
    expect(next.qualityNudgeCount).toBe(1);
  });

  it('nudges a step at most once, even when it is answered short again', () => {
    const [first] = answerAt('situation', 'Het was druk.');
    const [backAgain] = transition(first, { type: 'back' }, minutesLater(2), CTX);

    const [, effects] = transition(
      backAgain,
      { type: 'answer', text: 'Nog steeds kort.' },
      minutesLater(3),
      CTX,
    );

    expect(effects.map((effect) => effect.type)).toEqual(['ask']);
  });

  it('nudges at most once per report, however many answers are short', () => {
    const [first, firstEffects] = answerAt('situation', 'Het was druk.');

    const [, effects] = transition(first, { type: 'answer', text: 'Ik hielp.' }, minutesLater(2), CTX);

    expect(firstEffects[0]).toMatchObject({ type: 'nudge' });
    expect(effects.map((effect) => effect.type)).toEqual(['ask']);
  });

  it('gives no quality nudges once they have faded', () => {
    const [next, effects] = answerAt('action', 'De cliënt werd geholpen.', FADED);

    expect(effects.map((effect) => effect.type)).toEqual(['ask']);
    expect(next.qualityNudgeCount).toBe(0);
  });

  it('still gives the privacy nudge when quality nudges have faded', () => {
    const [, effects] = answerAt('situation', 'Mevrouw Jansen was boos.', FADED);

    expect(effects).toEqual([
      { type: 'privacy-nudge', step: 'situation' },
      { type: 'ask', step: 'task', stepNumber: 3, totalSteps: 6 },
    ]);
  });

  it('gives a privacy nudge for "mevrouw Jansen" without blocking the answer', () => {
    const text = `${GOOD_ANSWERS.situation} Het ging om mevrouw Jansen.`;
    const [next, effects] = answerAt('situation', text);

    expect(effects).toEqual([
      { type: 'privacy-nudge', step: 'situation' },
      { type: 'ask', step: 'task', stepNumber: 3, totalSteps: 6 },
    ]);
    expect(next.answers.situation).toBe(text);
    expect(next.privacyNudgedSteps).toEqual(['situation']);
  });

  it('gives both nudges, privacy first, when a short answer names a client', () => {
    const [, effects] = answerAt('situation', 'Meneer De Vries was boos.');

    expect(effects.map((effect) => effect.type)).toEqual(['privacy-nudge', 'nudge', 'ask']);
  });
});
