import { describe, expect, it } from 'vitest';
import { editDistance, suggestClosest } from './suggest';

describe('editDistance', () => {
  it.each([
    ['hervat', 'hervat', 0],
    ['hrvat', 'hervat', 1],
    ['hevrat', 'hervat', 1],
    ['overzict', 'overzicht', 1],
    ['mijn', 'me', 3],
    ['', 'wis', 3],
    ['wis', '', 3],
    ['ab', 'ba', 1],
    ['abcdef', 'badcfe', 3],
    ['ca', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('counts %s → %s as %i edits', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });
});

describe('suggestClosest', () => {
  const candidates = ['overzicht', 'overview', 'pauzeer', 'pause', 'wis', 'instellingen'];

  it.each([
    ['overzict', 'overzicht'],
    ['pauze', 'pause'],
    ['paus', 'pause'],
    ['instel', 'instellingen'],
    ['Overzict', 'overzicht'],
  ])('suggests %s → %s', (input, expected) => {
    expect(suggestClosest(input, candidates)).toBe(expected);
  });

  it('keeps the first of equally close candidates, as before length was used to skip some', () => {
    expect(suggestClosest('pauze', ['pauzer', 'pause', 'pauz'])).toBe('pauzer');
    expect(suggestClosest('wiss', ['wis', 'wist', 'wisser'])).toBe('wis');
  });

  it.each(['banaan', 'xy', ''])('suggests nothing for the unrelated word "%s"', (input) => {
    expect(suggestClosest(input, candidates)).toBeNull();
  });
});
