import { describe, expect, it } from 'vitest';
import type { Block, Button, Locale, Message } from '../messages/model';
import type { StarrEffect, StarrEvent } from './events';
import { renderStarrEffects, renderStarrInvitation } from './messages';
import { parseStarrAction, parseStarrText } from './parse';
import { createStarrState, type StarrState } from './state';
import { CTX, GOOD_ANSWERS, MONDAY } from './test-fixtures';

const LOCALES: Locale[] = ['nl', 'en'];

const fresh = createStarrState('report-1', 'monthly', MONDAY);
const atTask: StarrState = {
  ...fresh,
  step: 'task',
  answers: { goal: 'Plannen', situation: GOOD_ANSWERS.situation },
};
const atSummary: StarrState = { ...fresh, step: 'summary', answers: { goal: 'Plannen', ...GOOD_ANSWERS } };
const cancelled: StarrState = { ...fresh, status: 'cancelled' };

const buttonsOf = (message: Message): Button[] =>
  message.blocks.flatMap((block: Block) => (block.type === 'actions' ? [...block.buttons] : []));

const textsOf = (message: Message): string[] =>
  message.blocks.flatMap((block: Block) => (block.type === 'text' ? [block.text] : []));

/** Every message the conversation can show, with the state it is shown in. */
const CASES: Array<[string, StarrState, StarrEffect]> = [
  ['goal question', fresh, { type: 'ask', step: 'goal', stepNumber: 1, totalSteps: 6 }],
  [
    'task question',
    atTask,
    { type: 'ask', step: 'task', stepNumber: 3, totalSteps: 6, previousAnswer: 'Plannen' },
  ],
  ['nudge after a step', atTask, { type: 'nudge', step: 'situation', reason: 'too-short' }],
  ['nudge before the summary', atSummary, { type: 'nudge', step: 'reflection', reason: 'no-intention' }],
  ['privacy nudge', atTask, { type: 'privacy-nudge', step: 'situation' }],
  ['summary', atSummary, { type: 'summary', answers: atSummary.answers }],
  ['paused', { ...atTask, status: 'paused' }, { type: 'paused' }],
  ['cancelled', cancelled, { type: 'cancelled' }],
  ['not active', cancelled, { type: 'rejected', code: 'STARR.NOT_ACTIVE', params: { status: 'cancelled' } }],
];

describe('rendered buttons', () => {
  it.each(
    LOCALES.flatMap((locale) => CASES.map(([name, state, effect]) => [locale, name, state, effect] as const)),
  )('%s %s: every button keyword types the same event as the click', (locale, _name, state, effect) => {
    const [message] = renderStarrEffects([effect], state, locale, CTX);
    const buttons = buttonsOf(message!);

    expect(buttons.length).toBeGreaterThan(0);
    for (const button of buttons) {
      const clicked = parseStarrAction(button.actionId, button.value);
      const typed: StarrEvent = parseStarrText(button.keyword ?? '', state);
      expect(clicked).not.toBeNull();
      expect(typed).toEqual(clicked);
    }
  });
});

describe('the question message', () => {
  it('shows "Stap 3 van 6 — Taak" with the question and the earlier answer', () => {
    const [message] = renderStarrEffects(
      [{ type: 'ask', step: 'task', stepNumber: 3, totalSteps: 6, previousAnswer: 'Ik moest helpen.' }],
      atTask,
      'nl',
      CTX,
    );

    expect(message?.key).toBe('starr.ask.task');
    expect(message?.blocks[0]).toEqual({ type: 'text', text: 'Stap 3 van 6 — Taak', style: 'heading' });
    expect(message?.blocks).toContainEqual({
      type: 'quote',
      label: 'Je eerdere antwoord',
      text: 'Ik moest helpen.',
    });
    expect(buttonsOf(message!).map((button) => button.label)).toEqual(['Terug', 'Overslaan', 'Stop']);
  });

  it('shows one button per learning goal on the goal step, in English too', () => {
    const [message] = renderStarrEffects(
      [{ type: 'ask', step: 'goal', stepNumber: 1, totalSteps: 6 }],
      fresh,
      'en',
      CTX,
    );

    expect(message?.blocks[0]).toEqual({
      type: 'text',
      text: 'Step 1 of 6 — Learning goal',
      style: 'heading',
    });
    expect(buttonsOf(message!).map((button) => button.label)).toEqual([...CTX.goals, 'Skip', 'Stop']);
  });
});

describe('the summary message', () => {
  it('quotes every answer with its label and offers submit, edit and cancel', () => {
    const partial = { ...atSummary.answers, task: '' };
    const [message] = renderStarrEffects([{ type: 'summary', answers: partial }], atSummary, 'nl', CTX);
    const quotes = message?.blocks.filter((block) => block.type === 'quote');

    expect(message?.key).toBe('starr.summary');
    expect(quotes).toHaveLength(5);
    expect(quotes).toContainEqual({ type: 'quote', label: '2. Situatie', text: GOOD_ANSWERS.situation });
    expect(textsOf(message!)).toContain('3. Taak: nog leeg');
    expect(buttonsOf(message!).map((button) => button.label)).toEqual([
      'Versturen',
      'Annuleren',
      ...[1, 2, 3, 4, 5, 6].map((n) => `Wijzig stap ${n}`),
    ]);
  });
});

describe('message keys', () => {
  it.each<[StarrEffect, string]>([
    [{ type: 'nudge', step: 'task', reason: 'too-short' }, 'starr.nudge.too-short'],
    [{ type: 'privacy-nudge', step: 'task' }, 'starr.nudge.privacy'],
    [{ type: 'submitted', answers: {}, neededNudges: false }, 'starr.submitted'],
    [{ type: 'help', step: 'task' }, 'starr.help'],
    [{ type: 'rejected', code: 'STARR.EMPTY_ANSWER' }, 'starr.rejected.empty-answer'],
    [
      { type: 'rejected', code: 'STARR.INCOMPLETE', params: { steps: 'task,result' } },
      'starr.rejected.incomplete',
    ],
  ])('renders %o as %s in both languages', (effect, key) => {
    const [nl] = renderStarrEffects([effect], atTask, 'nl', CTX);
    const [en] = renderStarrEffects([effect], atTask, 'en', CTX);

    expect(nl?.key).toBe(key);
    expect(en?.key).toBe(key);
    expect(nl?.summary).not.toBe(en?.summary);
  });

  it('names the missing steps by their labels', () => {
    const [message] = renderStarrEffects(
      [{ type: 'rejected', code: 'STARR.INCOMPLETE', params: { steps: 'task,result' } }],
      atSummary,
      'nl',
      CTX,
    );

    expect(message?.summary).toContain('Taak, Resultaat');
  });
});

describe('the invitation', () => {
  it.each<[Locale, string, string]>([
    ['nl', 'Tijd voor je maandreflectie', 'maandag 1 juni'],
    ['en', 'Time for your monthly reflection', 'Monday 1 June'],
  ])('in %s invites the student with the due date and a Start button', (locale, heading, due) => {
    const message = renderStarrInvitation(locale, {
      reportId: 'report-9',
      kind: 'monthly',
      dueDate: '2026-06-01',
      studentName: 'Sam',
    });

    expect(message.blocks[0]).toEqual({ type: 'text', text: heading, style: 'heading' });
    expect(textsOf(message).join(' ')).toContain(due);
    expect(textsOf(message).join(' ')).toContain('Sam');
    expect(buttonsOf(message)).toEqual([
      { actionId: 'starr.start', label: 'Start', value: 'report-9', keyword: 'start', style: 'primary' },
    ]);
  });
});
