import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  it.each([
    [
      'splits words on spaces',
      'pauzeer sam@school.nl  2026-03-02',
      ['pauzeer', 'sam@school.nl', '2026-03-02'],
    ],
    ['keeps a quoted name together', 'overzicht "Zorg 3A"', ['overzicht', 'Zorg 3A']],
    [
      'keeps a quoted value inside a key',
      'naam="Sam de Vries" start=2026-02-02',
      ['naam=Sam de Vries', 'start=2026-02-02'],
    ],
    ['treats typographic quotes as quotes', 'overzicht “Zorg 3A”', ['overzicht', 'Zorg 3A']],
    ['treats Dutch low quotes as quotes', 'overzicht „Zorg 3A”', ['overzicht', 'Zorg 3A']],
    ['keeps apostrophes inside names', "naam=O'Brien", ["naam=O'Brien"]],
    ['splits on non-breaking spaces', 'mijn\u00a0hulp', ['mijn', 'hulp']],
    ['keeps an explicit empty word', 'reden=""', ['reden=']],
    ['returns no words for blank input', '   ', []],
  ])('%s', (_name, input, expected) => {
    // Act
    const result = tokenize(input);

    // Assert
    expect(result).toEqual({ ok: true, value: expected });
  });

  it('reports an unclosed quote', () => {
    // Act
    const result = tokenize('kanaal "Zorg 3A');

    // Assert
    expect(result).toEqual({ ok: false, error: { code: 'COMMAND.UNCLOSED_QUOTE', params: {} } });
  });
});
