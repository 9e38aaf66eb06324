import { isTyped } from '../messages/keywords';
import { assertNever } from '../shared/errors';
import type { CheckinEvent, CheckinStep, FollowUpStep } from './state';

/** Action ids of the student's check-in buttons (they come back in `Inbound.payload.actionId`). */
export const CHECKIN_ACTIONS = {
  /** The mood scale; value `1`…`5`. */
  mood: 'checkin.mood',
  /** Skip a free-text question; value = the step it skips (`learned` | `topic`). */
  skip: 'checkin.skip',
  /** Wants to talk to the mentor; value `yes` | `no`. */
  talk: 'checkin.talk',
} as const;

/** Lower case, accents and surrounding punctuation removed, inner spaces collapsed. */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^[\s"'“”‘’(]+|[\s.!?,;:"'“”‘’)]+$/g, '')
    .replace(/\s+/g, ' ');
}

/** Typed words for each mood, Dutch and English, after `normaliseAnswer`. */
const MOOD_WORDS: Readonly<Record<number, readonly string[]>> = {
  1: ['slecht', 'heel slecht', 'erg slecht', 'beroerd', 'waardeloos', 'bad', 'very bad', 'terrible', 'awful'],
  2: ['matig', 'niet zo goed', 'niet goed', 'minder', 'mwah', 'mwa', 'meh', 'not great', 'not good', 'poor'],
  3: [
    'gaat wel',
    'wel ok',
    'wel oke',
    'redelijk',
    'neutraal',
    'ok',
    'oke',
    'okay',
    'fine',
    'alright',
    'so-so',
  ],
  4: ['goed', 'prima', 'fijn', 'lekker', 'best goed', 'wel goed', 'good', 'pretty good', 'nice'],
  5: [
    'top',
    'super',
    'heel goed',
    'erg goed',
    'geweldig',
    'fantastisch',
    'great',
    'excellent',
    'awesome',
    'amazing',
  ],
};

const MOOD_BY_WORD = new Map(
  Object.entries(MOOD_WORDS).flatMap(([mood, words]) => words.map((word) => [word, Number(mood)] as const)),
);

/** Whether a normalised answer is a skip word (`overslaan`, `skip`, `nvt`, …). */
export const isSkipWord = (normalised: string): boolean => isTyped('skip', normalised);

/** Yes/no in Dutch or English (`ja`, `nee`, `yes`, `no`, …); null when it is neither. */
export function parseYesNo(text: string): boolean | null {
  if (isTyped('yes', text)) return true;
  if (isTyped('no', text)) return false;
  return null;
}

/**
 * A mood from typed text: a whole number ("3", " 4 ", "7" — the range is checked by the
 * transition so "7" gets its own friendly answer) or a word. Null when not understood.
 */
export function parseMood(text: string): number | null {
  const normalised = normaliseAnswer(text);
  if (/^\d{1,3}$/.test(normalised)) return Number(normalised);
  return MOOD_BY_WORD.get(normalised) ?? null;
}

function parseFreeText(text: string, skipAlsoOnNo: boolean): CheckinEvent {
  const normalised = normaliseAnswer(text);
  if (isSkipWord(normalised) || (skipAlsoOnNo && isTyped('no', normalised))) return { type: 'step.skipped' };
  const trimmed = text.trim();
  if (trimmed === '') return { type: 'answer.invalid', code: 'CHECKIN.EMPTY_ANSWER' };
  return { type: 'text.given', text: trimmed };
}

/** A typed message, read as the answer to the question of `step`. */
export function parseCheckinText(text: string, step: CheckinStep): CheckinEvent {
  switch (step) {
    case 'mood': {
      if (isSkipWord(normaliseAnswer(text))) return { type: 'step.skipped' };
      const mood = parseMood(text);
      return mood === null
        ? { type: 'answer.invalid', code: 'CHECKIN.MOOD_NOT_UNDERSTOOD' }
        : { type: 'mood.given', mood };
    }
    case 'learned':
      return parseFreeText(text, false);
    case 'talk': {
      if (isSkipWord(normaliseAnswer(text))) return { type: 'step.skipped' };
      const wantsTalk = parseYesNo(text);
      return wantsTalk === null
        ? { type: 'answer.invalid', code: 'CHECKIN.YES_NO_EXPECTED' }
        : { type: 'talk.given', wantsTalk };
    }
    case 'topic':
      // "nee" to "what about?" means no particular topic.
      return parseFreeText(text, true);
    case 'done':
      return { type: 'text.given', text: text.trim() };
    default:
      return assertNever(step);
  }
}

const SKIPPABLE: ReadonlySet<string> = new Set<FollowUpStep>(['learned', 'topic']);

/** A click on a check-in button; null when `actionId` is not a check-in action. */
export function parseCheckinAction(actionId: string, value: string | undefined): CheckinEvent | null {
  switch (actionId) {
    case CHECKIN_ACTIONS.mood:
      return value !== undefined && /^\d$/.test(value)
        ? { type: 'mood.given', mood: Number(value) }
        : { type: 'answer.invalid', code: 'CHECKIN.MOOD_OUT_OF_RANGE' };
    case CHECKIN_ACTIONS.skip:
      return value !== undefined && SKIPPABLE.has(value)
        ? { type: 'step.skipped', step: value as FollowUpStep }
        : { type: 'step.skipped' };
    case CHECKIN_ACTIONS.talk:
      if (value === 'yes' || value === 'no') return { type: 'talk.given', wantsTalk: value === 'yes' };
      return { type: 'answer.invalid', code: 'CHECKIN.YES_NO_EXPECTED' };
    default:
      return null;
  }
}
