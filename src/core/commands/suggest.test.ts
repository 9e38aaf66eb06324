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

  it.each(['banaan', 'xy', ''])('suggests nothing for the unrelated word "%s"', (input) => {
    expect(suggestClosest(input, candidates)).toBeNull();
  });
});
