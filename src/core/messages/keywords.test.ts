import { describe, expect, it } from 'vitest';
import { parseCheckinText } from '../checkin/parse';
import { findCommandByAlias } from '../commands/table';
import { parseStarrText } from '../starr/parse';
import type { StarrState } from '../starr/state';
import { isTyped, normaliseTyped, TYPED_WORDS, type TypedMeaning } from './keywords';
import * as checkinTexts from './texts/checkin';
import * as reportTexts from './texts/reports';
import * as starrTexts from './texts/starr';

const starrState = { kind: 'monthly', step: 'situation' } as StarrState;

describe('the typed-word table', () => {
  it('stores every word already normalised, so each one can be recognised', () => {
    for (const [meaning, words] of Object.entries(TYPED_WORDS)) {
      for (const word of [...words.nl, ...words.en]) {
        expect(normaliseTyped(word), `${meaning}: ${word}`).toBe(word);
        expect(isTyped(meaning as TypedMeaning, word)).toBe(true);
      }
    }
  });

  it.each([
    ['Stop!', 'stop'],
    ['  *Help?*  ', 'help'],
    ['N.V.T.', 'n.v.t'],
    ['Sla   Over', 'sla over'],
    ['Overslaan.', 'overslaan'],
    ['?', '?'],
  ])('normalises %j to %j', (typed, normalised) => {
    expect(normaliseTyped(typed)).toBe(normalised);
  });

  it('keeps sentences that merely contain a keyword', () => {
    expect(isTyped('stop', 'ik wil stoppen met deze stage')).toBe(false);
    expect(isTyped('mine', 'mijn week was goed')).toBe(false);
  });

  it('skips with the same words in a check-in and in a STARR report', () => {
    for (const word of [...TYPED_WORDS.skip.nl, ...TYPED_WORDS.skip.en]) {
      expect(parseCheckinText(word, 'learned'), word).toEqual({ type: 'step.skipped' });
      expect(parseStarrText(word, starrState), word).toEqual({ type: 'skip' });
    }
  });

  it('opens the own overview with the same words as the `stage mijn` command', () => {
    for (const word of [...TYPED_WORDS.mine.nl, ...TYPED_WORDS.mine.en]) {
      expect(findCommandByAlias(word)?.name, word).toBe('me');
    }
  });

  it('recognises every keyword the messages advertise, in both languages', () => {
    const advertised = [checkinTexts, reportTexts, starrTexts].flatMap((catalog) =>
      [catalog.nl, catalog.en].flatMap((texts) =>
        Object.entries(texts).filter(([key]) => /(^|\.)keyword\./.test(key)),
      ),
    );
    expect(advertised.length).toBeGreaterThan(20);
    for (const [key, word] of advertised) {
      const meaning = key.slice(key.lastIndexOf('.') + 1) as TypedMeaning;
      expect(isTyped(meaning, word as string), `${key}: ${String(word)}`).toBe(true);
    }
  });
});
