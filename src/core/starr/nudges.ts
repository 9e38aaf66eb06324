import { assertNever } from '../shared/errors';
import type { NudgeReason } from './events';
import type { QualityCheck } from './steps';

/**
 * The short-answer nudge, calibrated on real answers: students write compact Dutch, and a
 * sentence of 70–100 characters ("Ik heb rustig met haar gepraat en gevraagd wat ze nodig had.")
 * is a real answer even at 12 words. Too short is a fragment: fewer than MIN_WORDS words, fewer
 * than MIN_CHARACTERS characters, or the same few words over and over.
 */
export const MIN_WORDS = 8;
export const MIN_CHARACTERS = 50;
const MIN_DISTINCT_WORDS = 5;

// \b is ASCII-only; Dutch text has letters like ë, so word edges are spelled out with Unicode classes.
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';

/** Forward-looking phrases in Dutch and English, matched case-insensitively as whole words. */
const INTENTION_PHRASES = [
  'volgende keer',
  'een volgende keer',
  'voortaan',
  'vanaf nu',
  'in de toekomst',
  'in het vervolg',
  'ik ga',
  'ga ik',
  'ik wil',
  'wil ik',
  'ik zal',
  'zal ik',
  'ik neem me voor',
  'neem ik me voor',
  'mijn voornemen',
  'next time',
  'from now on',
  'in the future',
  'in future',
  'going forward',
  'i will',
  "i'll",
  'i want to',
  "i'm going to",
  'i am going to',
  'i plan to',
] as const;

const INTENTION = new RegExp(
  `${START}(?:${INTENTION_PHRASES.map((phrase) => phrase.replace(/ /g, '\\s+')).join('|')})${END}`,
  'iu',
);

/**
 * "ik" or "I" as a word; "I'm"/"I've" count too because the apostrophe ends the word. A lone "i"
 * followed by a full stop is a Dutch abbreviation ("i.p.v.", "i.c.m."), not a person.
 */
const FIRST_PERSON = new RegExp(`${START}(?:ik${END}|i(?![\\p{L}\\p{N}.]))`, 'iu');

/**
 * Titles that usually precede a client's or patient's name. Only the first letter is
 * case-insensitive, so product names in capitals ("MS Teams") do not count as a title.
 */
const CLIENT_TITLES = [
  'mevrouw',
  'meneer',
  'mijnheer',
  'mevr',
  'mw',
  'dhr',
  'mr',
  'mrs',
  'ms',
  'miss',
  'cliënt',
  'cliënte',
  'client',
  'cliente',
  'bewoner',
  'bewoonster',
  'patiënt',
  'patiënte',
  'patient',
] as const;

const firstLetterCaseless = (word: string): string =>
  `[${word[0]?.toLowerCase()}${word[0]?.toUpperCase()}]${word.slice(1)}`;

// Lower-case Dutch name particles may sit between title and name: "meneer van der Berg".
const PARTICLES = '(?:(?:van|de|der|den|ter|ten|te|het|la|le)\\s+)*';

const CLIENT_NAME = new RegExp(
  `${START}(?:${CLIENT_TITLES.map(firstLetterCaseless).join('|')})\\.?\\s+${PARTICLES}\\p{Lu}\\p{Ll}+`,
  'u',
);

const wordsOf = (text: string): string[] => text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token));

export function countWords(text: string): number {
  return wordsOf(text).length;
}

function isTooShort(text: string): boolean {
  const words = wordsOf(text);
  const distinct = new Set(words.map((word) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')));
  return (
    words.length < MIN_WORDS || text.trim().length < MIN_CHARACTERS || distinct.size < MIN_DISTINCT_WORDS
  );
}

/** Curly apostrophes (phone keyboards) would otherwise hide "I’ll". */
const normalise = (text: string): string => text.replace(/[\u2018\u2019\u02bc]/g, "'");

function fails(check: QualityCheck, text: string): boolean {
  switch (check) {
    case 'too-short':
      return isTooShort(text);
    case 'no-intention':
      return !INTENTION.test(text);
    case 'no-first-person':
      return !FIRST_PERSON.test(text);
    default:
      return assertNever(check);
  }
}

/** The first quality check the answer fails, or null. One nudge per step, so one reason. */
export function findQualityIssue(text: string, checks: readonly QualityCheck[]): NudgeReason | null {
  const normalised = normalise(text);
  return checks.find((check) => fails(check, normalised)) ?? null;
}

/** True when the text looks like it names a client ("mevrouw Jansen", "dhr. Smit", "client Anna"). */
export function seemsToNameClient(text: string): boolean {
  return CLIENT_NAME.test(text);
}
