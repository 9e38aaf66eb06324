import { describe, expect, it } from 'vitest';
import type { Block, Button, Message } from '../messages/model';
import { en, nl } from '../messages/texts/checkin';
import { receiveCheckinText } from './conversation';
import { MENTOR_TALK_ACTIONS, parseMentorTalkAction } from './mentor-talk';
import {
  renderCheckinAsk,
  renderCheckinEffects,
  renderCheckinPrompt,
  renderCheckinReminder,
  renderCoordinatorCheckinAlert,
  renderMentorTalkEffects,
  renderMentorTalkQuestion,
  renderMoodLowAlert,
  renderWantsTalkNote,
} from './messages';
import { parseCheckinAction, parseCheckinText } from './parse';
import type { CheckinState } from './state';

const AT = new Date('2027-03-26T12:05:00Z');
const WEEK = '2027-W12';

const buttonsOf = (message: Message): Button[] =>
  message.blocks.flatMap((block: Block) => (block.type === 'actions' ? [...block.buttons] : []));

const textOf = (message: Message): string => JSON.stringify(message);

describe('the student prompt', () => {
  it.each(['nl', 'en'] as const)('offers a 1–5 mood scale with labels and a typing hint (%s)', (locale) => {
    const message = renderCheckinPrompt(locale, { firstName: 'Sanne' });

    expect(message.key).toBe('checkin.prompt');
    expect(message.summary).toContain('Sanne');
    expect(message.blocks).toContainEqual({
      type: 'scale',
      actionId: 'checkin.mood',
      min: 1,
      max: 5,
      lowLabel: locale === 'nl' ? 'slecht' : 'bad',
      highLabel: locale === 'nl' ? 'top' : 'great',
    });
    expect(textOf(message)).toMatch(locale === 'nl' ? /typ .*cijfer/ : /type a number/);
  });

  it('sends the reminder with the scale, so one click answers it', () => {
    const message = renderCheckinReminder('nl');

    expect(message.key).toBe('checkin.reminder');
    expect(message.blocks.some((block) => block.type === 'scale')).toBe(true);
  });
});

describe('the follow-up questions', () => {
  it.each([
    ['learned', ['checkin.skip:learned:overslaan']],
    ['talk', ['checkin.talk:yes:ja', 'checkin.talk:no:nee']],
    ['topic', ['checkin.skip:topic:overslaan']],
  ] as const)('asks %s with buttons that also work typed', (step, expected) => {
    const message = renderCheckinAsk(step, 'nl');

    expect(message.key).toBe(`checkin.ask.${step}`);
    expect(buttonsOf(message).map((b) => `${b.actionId}:${b.value}:${b.keyword}`)).toEqual(expected);
  });

  it.each(['learned', 'talk', 'topic'] as const)(
    'reads every %s button, clicked or typed, as the same event',
    (step) => {
      for (const locale of ['nl', 'en'] as const) {
        for (const button of buttonsOf(renderCheckinAsk(step, locale))) {
          const clicked = parseCheckinAction(button.actionId, button.value);
          const typed = parseCheckinText(button.keyword ?? '', step);
          expect({ ...clicked, step: undefined }).toEqual({ ...typed, step: undefined });
        }
      }
    },
  );

  it('renders a transition as the student sees it: thanks after the last answer', () => {
    const talk: CheckinState = { week: WEEK, step: 'talk', mood: 4, learned: null };
    const [state, effects] = receiveCheckinText(talk, 'nee', AT);

    const messages = renderCheckinEffects(effects, state, 'en');

    expect(messages.map((message) => message.key)).toEqual(['checkin.thanks']);
    expect(messages[0]?.summary).toBe('Thanks for your check-in! See you next week.');
  });

  it('answers "7" kindly and offers the scale again', () => {
    const mood: CheckinState = { week: WEEK, step: 'mood' };
    const [state, effects] = receiveCheckinText(mood, '7', AT);

    const [message] = renderCheckinEffects(effects, state, 'nl');

    expect(message?.key).toBe('checkin.rejected.mood-out-of-range');
    expect(message?.summary).toBe('Kies een cijfer van 1 tot en met 5.');
    expect(message?.blocks.some((block) => block.type === 'scale')).toBe(true);
  });

  it('sends no student message for a signal or the stored mood', () => {
    const [state, effects] = receiveCheckinText({ week: WEEK, step: 'mood' }, '1', AT);

    const messages = renderCheckinEffects(effects, state, 'nl');

    expect(effects.map((effect) => effect.type)).toEqual(['mood.recorded', 'signal', 'ask']);
    expect(messages.map((message) => message.key)).toEqual(['checkin.ask.learned']);
  });
});

describe("the mentor's talk question", () => {
  it('names the student and offers yes / no / moved that come back with the ref', () => {
    const message = renderMentorTalkQuestion('en', { studentName: 'Sanne de Vries', ref: 'p1:2027-W12' });

    const parsed = buttonsOf(message).map((b) => parseMentorTalkAction(b.actionId, b.value));

    expect(message.key).toBe('checkin.mentor.talk');
    expect(message.summary).toBe('Did you have your weekly talk with Sanne de Vries this week?');
    expect(buttonsOf(message).map((b) => b.keyword)).toEqual(['yes', 'no', 'moved']);
    expect(parsed.map((p) => [p?.ref, p?.event])).toEqual([
      ['p1:2027-W12', { type: 'talk.answered', answer: 'yes' }],
      ['p1:2027-W12', { type: 'talk.answered', answer: 'no' }],
      ['p1:2027-W12', { type: 'talk.answered', answer: 'moved' }],
    ]);
  });

  it('asks for an optional note with a skip button that carries the ref', () => {
    const [message] = renderMentorTalkEffects(
      [{ type: 'recorded', week: WEEK, answer: 'no', note: null }, { type: 'ask-note' }],
      'nl',
      'p1:2027-W12',
    );

    expect(message?.key).toBe('checkin.mentor.note');
    expect(buttonsOf(message as Message)).toEqual([
      {
        actionId: MENTOR_TALK_ACTIONS.skipNote,
        label: 'Overslaan',
        value: 'p1:2027-W12',
        keyword: 'overslaan',
      },
    ]);
  });
});

describe('alerts', () => {
  it.each([
    ['mood-1', 1, null, 'Sanne gaf deze week een 1 van 5'],
    ['low-twice', 2, 1, 'Sanne gaf deze week een 2 van 5, en vorige week een 1'],
  ] as const)('tells the mentor privately about a low mood (%s)', (reason, mood, previousMood, expected) => {
    const message = renderMoodLowAlert('nl', { studentName: 'Sanne', reason, mood, previousMood });

    expect(message.key).toBe('checkin.mentor.mood-low');
    expect(message.summary).toContain(expected);
    expect(textOf(message)).toContain('Alleen jij ziet dit bericht.');
  });

  it('tells the mentor the student wants to talk, quoting the topic as the student wrote it', () => {
    const message = renderWantsTalkNote('nl', { studentName: 'Sanne', topic: 'Mijn rooster' });

    expect(message.key).toBe('checkin.mentor.wants-talk');
    expect(message.blocks).toContainEqual({ type: 'quote', label: 'Onderwerp', text: 'Mijn rooster' });
  });

  it('says so when no topic was given', () => {
    const message = renderWantsTalkNote('en', { studentName: 'Sanne', topic: null });

    expect(textOf(message)).toContain('No topic was given.');
  });

  it.each([
    [
      { kind: 'checkins-missed-alert', studentName: 'Sanne', count: 3 },
      'checkin.coordinator.missed',
      '3 check-ins',
    ],
    [
      { kind: 'mentor-no-talk', studentName: 'Sanne', mentorName: 'Pieter' },
      'checkin.coordinator.no-talk',
      'Pieter reported no talk with Sanne',
    ],
  ] as const)('alerts the coordinator with names and counts only (%j)', (alert, key, expected) => {
    const message = renderCoordinatorCheckinAlert('en', alert);

    expect(message.key).toBe(key);
    expect(message.summary).toContain(expected);
    expect(message.blocks.every((block) => block.type === 'text')).toBe(true);
    expect(textOf(message)).not.toMatch(/mood|out of 5|topic/i);
  });
});

describe('the check-in catalog', () => {
  it('has the same keys in Dutch and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });
});
