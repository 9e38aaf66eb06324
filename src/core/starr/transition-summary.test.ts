import { describe, expect, it } from 'vitest';
import { handInOpens } from '../reports/hand-in';
import { answer, CTX, FULL_MONTHLY, GOOD_ANSWERS, play } from './test-fixtures';

const WITHOUT_TASK_AND_RESULT = [
  { type: 'start' } as const,
  { type: 'choose-goal', index: 0 } as const,
  answer(GOOD_ANSWERS.situation),
  { type: 'skip' } as const,
  answer(GOOD_ANSWERS.action),
  { type: 'skip' } as const,
  answer(GOOD_ANSWERS.reflection),
];

describe('text typed while the summary is shown is never thrown away', () => {
  it('keeps text at a complete summary and asks which step it belongs to', () => {
    const { state, effects } = play([
      ...FULL_MONTHLY,
      answer('Nog iets over de overdracht aan de avonddienst.'),
    ]);

    expect(effects.at(-1)).toEqual([{ type: 'which-step' }]);
    expect(state.pendingAnswer).toBe('Nog iets over de overdracht aan de avonddienst.');
    expect(state.step).toBe('summary');
  });

  it('puts the kept text into the step the student then names', () => {
    const extra =
      'Ik heb daarna ook de overdracht aan de avonddienst rustig en volledig gedaan, zonder haast.';
    const { state, effects } = play([...FULL_MONTHLY, answer(extra), { type: 'edit', step: 4 }]);

    expect(state.answers.action).toBe(extra);
    expect(state.pendingAnswer).toBeUndefined();
    expect(effects.at(-1)?.at(-1)).toMatchObject({ type: 'summary' });
  });

  it('edits the numbered step when the text starts with a step number', () => {
    const { state } = play([...FULL_MONTHLY, answer('3: Ik moest vooral zorgen dat iedereen op tijd at.')]);

    expect(state.answers.task).toBe('Ik moest vooral zorgen dat iedereen op tijd at.');
    expect(state.step).toBe('summary');
  });

  it('answers the first empty step when a step is still empty', () => {
    const { state } = play([...WITHOUT_TASK_AND_RESULT, answer(GOOD_ANSWERS.task)]);

    expect(state.answers.task).toBe(GOOD_ANSWERS.task);
    expect(state.step).toBe('result');
  });
});

describe('a refused submit walks through every empty step', () => {
  it('asks the next empty step after each answer, then shows the summary', () => {
    const { state, effects } = play([
      ...WITHOUT_TASK_AND_RESULT,
      { type: 'submit' },
      answer(GOOD_ANSWERS.task),
      answer(GOOD_ANSWERS.result),
    ]);

    expect(effects.at(-2)?.at(-1)).toMatchObject({ type: 'ask', step: 'result' });
    expect(effects.at(-1)?.at(-1)).toMatchObject({ type: 'summary' });
    expect(state.answers.result).toBe(GOOD_ANSWERS.result);
    expect(state.fillMissing).toBe(false);
  });
});

describe('a report cannot be handed in before its period has mostly passed', () => {
  // The report about February 2026 is due Monday 2 March; it opens on 20 February.
  const opens = handInOpens({ kind: 'monthly', dueDate: '2026-03-02' }, 20, 'Europe/Amsterdam');

  it('opens a monthly report on the 20th of the month it covers, local midnight', () => {
    expect(opens).toEqual({ date: '2026-02-20', at: new Date('2026-02-19T23:00:00Z') });
  });

  it('refuses the submit before that day and keeps the draft', () => {
    const early = { ...CTX, submitFrom: { at: new Date('2026-03-10T00:00:00Z'), date: '2026-03-10' } };
    const { state, effects } = play([...FULL_MONTHLY, { type: 'submit' }], early);

    expect(effects.at(-1)).toEqual([
      { type: 'rejected', code: 'STARR.TOO_EARLY', params: { from: '2026-03-10' } },
    ]);
    expect(state.status).toBe('in-progress');
  });

  it('accepts the submit from that day on', () => {
    const { state } = play([...FULL_MONTHLY, { type: 'submit' }], { ...CTX, submitFrom: opens });

    expect(state.status).toBe('submitted');
  });
});
