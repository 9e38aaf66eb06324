import { normaliseTyped, typedWords } from '../messages/keywords';
import type { StarrEvent } from './events';
import type { StarrState } from './state';
import { findStep } from './steps';

/** Button action ids; each comes back as `Inbound.payload.actionId`. */
export const STARR_ACTIONS = {
  start: 'starr.start',
  back: 'starr.back',
  skip: 'starr.skip',
  stop: 'starr.stop',
  resume: 'starr.resume',
  cancel: 'starr.cancel',
  submit: 'starr.submit',
  edit: 'starr.edit',
  goal: 'starr.goal',
  help: 'starr.help',
} as const;

export type StarrActionId = (typeof STARR_ACTIONS)[keyof typeof STARR_ACTIONS];

type SimpleEvent = Exclude<StarrEvent, { type: 'answer' | 'choose-goal' | 'edit' }>;

/** The typed words of each simple event, from the shared table (both languages). */
export const STARR_KEYWORDS: Readonly<Record<SimpleEvent['type'], readonly string[]>> = {
  start: typedWords('start'),
  back: typedWords('back'),
  skip: typedWords('skip'),
  stop: typedWords('stop'),
  resume: typedWords('resume'),
  cancel: typedWords('cancel'),
  submit: typedWords('submit'),
  help: typedWords('help'),
};

const EDIT_WORDS = typedWords('edit');
const STEP_WORDS = typedWords('step');

const KEYWORD_EVENTS = new Map<string, SimpleEvent['type']>(
  Object.entries(STARR_KEYWORDS).flatMap(([type, words]) =>
    words.map((word) => [word, type as SimpleEvent['type']] as const),
  ),
);

const EDIT_PATTERN = new RegExp(
  `^(?:${EDIT_WORDS.join('|')})\\s+(?:(?:${STEP_WORDS.join('|')})\\s+)?(\\S+)$`,
);

const STEP_NUMBER_PATTERN = new RegExp(`^(?:(?:${STEP_WORDS.join('|')})\\s*)?(\\d{1,2})$`);

/**
 * Untrusted typed text → an event. Keywords are whole messages only, so a sentence that merely
 * contains "stop" stays an answer. On the goal step a bare number picks that goal (1-based).
 */
export function parseStarrText(text: string, state: StarrState): StarrEvent {
  const normalised = normaliseTyped(text);
  const keyword = KEYWORD_EVENTS.get(normalised);
  if (keyword) return { type: keyword };
  const edit = EDIT_PATTERN.exec(normalised)?.[1];
  if (edit !== undefined) {
    if (/^\d+$/.test(edit)) return { type: 'edit', step: Number(edit) };
    if (findStep(state.kind, edit)) return { type: 'edit', step: edit };
  }
  // At the summary a bare step number ("3", "stap 3") says which step to edit.
  const stepNumber = STEP_NUMBER_PATTERN.exec(normalised)?.[1];
  if (state.step === 'summary' && stepNumber !== undefined) return { type: 'edit', step: Number(stepNumber) };
  const onGoalStep = state.step !== 'summary' && findStep(state.kind, state.step)?.goalChoice === true;
  if (onGoalStep && /^\d{1,3}$/.test(normalised))
    return { type: 'choose-goal', index: Number(normalised) - 1 };
  return { type: 'answer', text };
}

/**
 * A button click → an event; null when the action is not a STARR action or its value is
 * malformed (a forged or stale payload), which the app treats as "not for this conversation".
 */
export function parseStarrAction(actionId: string, value?: string): StarrEvent | null {
  switch (actionId) {
    case STARR_ACTIONS.start:
      return { type: 'start' };
    case STARR_ACTIONS.back:
      return { type: 'back' };
    case STARR_ACTIONS.skip:
      return { type: 'skip' };
    case STARR_ACTIONS.stop:
      return { type: 'stop' };
    case STARR_ACTIONS.resume:
      return { type: 'resume' };
    case STARR_ACTIONS.cancel:
      return { type: 'cancel' };
    case STARR_ACTIONS.submit:
      return { type: 'submit' };
    case STARR_ACTIONS.help:
      return { type: 'help' };
    case STARR_ACTIONS.edit:
      return value !== undefined && /^\d{1,3}$/.test(value) ? { type: 'edit', step: Number(value) } : null;
    case STARR_ACTIONS.goal:
      return value !== undefined && /^\d{1,3}$/.test(value)
        ? { type: 'choose-goal', index: Number(value) }
        : null;
    default:
      return null;
  }
}
