import { isTyped } from '../messages/keywords';
import { normaliseAnswer, parseYesNo } from './parse';
import type { MentorTalkAnswer } from './signals';

/**
 * Typed answers to the mentor's weekly-talk list: `ja 1 3`, `nee Sam`, `verzet 2`, `ja allemaal`,
 * `yes all`, or a plain `ja` when the list holds one student. Anything that does not name exactly
 * the students meant is answered with a question and changes nothing.
 */
export type TalkTarget = { kind: 'number'; n: number } | { kind: 'name'; name: string };

export type TalkListAnswer =
  | { answer: MentorTalkAnswer; targets: 'all' | 'unnamed' | readonly TalkTarget[] }
  /** The text does not start with yes, no or moved. */
  | null;

/** Words between the answer and the names that say nothing: "ja met 1 en 3", "yes for Sam". */
const FILLERS = new Set(['met', 'voor', 'en', 'bij', 'with', 'for', 'and', 'to', 'van', 'of', '&']);

export function parseTalkListAnswer(text: string): TalkListAnswer {
  const words = normaliseAnswer(text)
    .split(/[\s,;+]+/)
    .filter((word) => word !== '');
  const [first, ...rest] = words;
  if (first === undefined) return null;
  const answer: MentorTalkAnswer | null = isTyped('moved', first)
    ? 'moved'
    : parseYesNo(first) === true
      ? 'yes'
      : parseYesNo(first) === false
        ? 'no'
        : null;
  if (answer === null) return null;
  const named = rest.filter((word) => !FILLERS.has(word));
  if (named.length === 0) return { answer, targets: 'unnamed' };
  if (named.some((word) => isTyped('all', word))) return { answer, targets: 'all' };
  return {
    answer,
    targets: named.map(
      (word): TalkTarget =>
        /^\d+\.?$/.test(word)
          ? { kind: 'number', n: Number.parseInt(word, 10) }
          : { kind: 'name', name: word },
    ),
  };
}

export type TalkListResolution =
  | { ok: true; positions: number[] }
  /** Plain "ja" with several students on the list. */
  | { ok: false; reason: 'which' }
  /** A first name that two students share. */
  | { ok: false; reason: 'ambiguous-name'; target: string }
  /** A number past the list, or a name not on it. */
  | { ok: false; reason: 'unknown'; target: string };

const nameKey = (name: string) => normaliseAnswer(name);

/** The list positions (1-based) an answer names, given the students' full names in list order. */
export function resolveTalkTargets(
  targets: 'all' | 'unnamed' | readonly TalkTarget[],
  names: readonly string[],
): TalkListResolution {
  const everyone = names.map((_, index) => index + 1);
  if (targets === 'all') return { ok: true, positions: everyone };
  if (targets === 'unnamed')
    return names.length === 1 ? { ok: true, positions: [1] } : { ok: false, reason: 'which' };
  const positions: number[] = [];
  const fullNames = names.map((name) => nameKey(name).split(' '));
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i] as TalkTarget;
    if (target.kind === 'number') {
      if (target.n < 1 || target.n > names.length)
        return { ok: false, reason: 'unknown', target: String(target.n) };
      positions.push(target.n);
      continue;
    }
    // A whole name typed out ("nee Sam de Vries") is one target, not three.
    const whole = fullNames.findIndex(
      (words) =>
        words.length > 1 &&
        words.every((word, k) => {
          const next = targets[i + k];
          return next?.kind === 'name' && nameKey(next.name) === word;
        }),
    );
    if (whole >= 0) {
      positions.push(whole + 1);
      i += (fullNames[whole]?.length ?? 1) - 1;
      continue;
    }
    const wanted = nameKey(target.name);
    const matches = everyone.filter((position) => fullNames[position - 1]?.[0] === wanted);
    if (matches.length === 0) return { ok: false, reason: 'unknown', target: target.name };
    if (matches.length > 1) return { ok: false, reason: 'ambiguous-name', target: target.name };
    positions.push(matches[0] as number);
  }
  return { ok: true, positions: [...new Set(positions)] };
}
