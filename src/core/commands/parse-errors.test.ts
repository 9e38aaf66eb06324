import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse';
import type { CommandUsageError } from './types';

const failure = (text: string): CommandUsageError => {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`expected ${text} to fail, got ${JSON.stringify(result.value)}`);
  return result.error;
};

const SAM = 'sam@school.nl';

describe('parseCommand: usage errors', () => {
  it.each([
    ['an impossible date', `pauzeer ${SAM} 2027-02-30`, 'pause', { value: '2027-02-30' }],
    ['a Dutch-order date', `hervat ${SAM} 16-03-2026`, 'resume', { value: '16-03-2026' }],
    ['an impossible until date', `pause ${SAM} 2026-03-02 2026-13-01`, 'pause', { value: '2026-13-01' }],
    ['an impossible due date', `excuse ${SAM} 2026-02-29`, 'excuse', { value: '2026-02-29' }],
    [
      'a bad add start date',
      `add student=${SAM} name=Sam mentor=a@b.nl start=2026-2-2 end=2026-06-26`,
      'add',
      { value: '2026-2-2' },
    ],
  ])('reports %s as a bad date', (_name, input, command, params) => {
    expect(failure(input)).toEqual({ code: 'COMMAND.BAD_DATE', command, params });
  });

  it.each([
    ['a missing domain', 'herinner sam@', 'remind'],
    ['no at sign in a coordinator', 'coordinator add jan "Zorg 3A"', 'coordinator'],
    [
      'a bad mentor in a list',
      `add student=${SAM} name=Sam mentor=a@b.nl|nope start=2026-02-02 end=2026-03-02`,
      'add',
    ],
    ['spaces in an overview e-mail', 'overview sam@school', 'overview'],
  ])('reports %s as a bad e-mail', (_name, input, command) => {
    expect(failure(input)).toMatchObject({ code: 'COMMAND.BAD_EMAIL', command });
  });

  it('says when the student e-mail is where a date was expected', () => {
    expect(failure('pauzeer 2026-03-02')).toMatchObject({ code: 'COMMAND.BAD_EMAIL', command: 'pause' });
  });

  it.each([
    ['pauzeer', 'pause', 'student-email'],
    [`pauzeer ${SAM}`, 'pause', 'from-date'],
    [`excuseer ${SAM}`, 'excuse', 'report'],
    [`vervangend ${SAM}`, 'substitute', 'text'],
    ['kanaal', 'channel', 'cohort'],
    ['instellingen checkin_dag=vr', 'settings', 'cohort'],
    ['coordinator', 'coordinator', 'action'],
    ['coordinator toevoegen', 'coordinator', 'email'],
    ['toevoegen', 'add', 'student'],
    [`toevoegen student=${SAM}`, 'add', 'name'],
    [`toevoegen student=${SAM} naam=Sam`, 'add', 'mentor'],
    [`toevoegen student=${SAM} naam=Sam mentor=a@b.nl`, 'add', 'start'],
    [`toevoegen student=${SAM} naam=Sam mentor=a@b.nl start=2026-02-02`, 'add', 'end'],
    [`toevoegen student=${SAM} naam= mentor=a@b.nl start=2026-02-02 eind=2026-03-02`, 'add', 'name'],
  ])('reports what is missing from "%s"', (input, command, argument) => {
    expect(failure(input)).toEqual({ code: 'COMMAND.MISSING_ARGUMENT', command, params: { argument } });
  });

  it.each([
    ['mijn extra', 'me', 'extra'],
    [`herinner ${SAM} nu`, 'remind', 'nu'],
    [`hervat ${SAM} 2026-03-16 morgen`, 'resume', 'morgen'],
    ['importeer alles', 'import', 'alles'],
    [`toevoegen ${SAM}`, 'add', SAM],
    [`overzicht ${SAM} meer`, 'overview', 'meer'],
  ])('reports the stray word in "%s"', (input, command, value) => {
    expect(failure(input)).toEqual({ code: 'COMMAND.UNEXPECTED_ARGUMENT', command, params: { value } });
  });

  it('reports an end date before the start date', () => {
    expect(failure(`pause ${SAM} 2026-03-13 2026-03-02`)).toEqual({
      code: 'COMMAND.BAD_RANGE',
      command: 'pause',
      params: { from: '2026-03-13', to: '2026-03-02' },
    });
    expect(
      failure(`add student=${SAM} name=Sam mentor=a@b.nl start=2026-06-26 end=2026-02-02`),
    ).toMatchObject({
      code: 'COMMAND.BAD_RANGE',
      command: 'add',
    });
  });

  it('suggests the closest command for a typo', () => {
    expect(failure('overzict')).toEqual({
      code: 'COMMAND.UNKNOWN',
      params: { input: 'overzict', suggestion: 'overzicht' },
    });
    expect(failure('remnd sam@school.nl')).toMatchObject({ params: { suggestion: 'remind' } });
  });

  it('suggests nothing for a word that is not close to any command', () => {
    expect(failure('banaan')).toEqual({ code: 'COMMAND.UNKNOWN', params: { input: 'banaan' } });
  });

  it('suggests a command for help about an unknown one', () => {
    expect(failure('help hervt')).toEqual({
      code: 'COMMAND.UNKNOWN',
      command: 'help',
      params: { input: 'hervt', suggestion: 'hervat' },
    });
  });

  it.each([`wis ${SAM}`, `erase ${SAM} yes`, `erase ${SAM} please`])(
    'refuses to erase without the confirmation word: "%s"',
    (input) => {
      expect(failure(input)).toEqual({
        code: 'COMMAND.NEEDS_CONFIRMATION',
        command: 'erase',
        params: { email: SAM },
      });
    },
  );

  it('reports an unknown add key with a suggestion', () => {
    expect(failure(`add student=${SAM} nmae=Sam`)).toEqual({
      code: 'COMMAND.UNKNOWN_KEY',
      command: 'add',
      params: { key: 'nmae', suggestion: 'name' },
    });
  });

  it('reports a key given twice, also across languages', () => {
    expect(failure(`add student=${SAM} naam=Sam name=Sem`)).toEqual({
      code: 'COMMAND.DUPLICATE_KEY',
      command: 'add',
      params: { key: 'name' },
    });
  });

  it.each([
    ['werkdagen=ma,xx', 'werkdagen', 'ma,xx', 'weekdays'],
    ['working_days=wed-mon', 'working_days', 'wed-mon', 'weekdays'],
    ['taal=fr', 'taal', 'fr', 'locale'],
  ])('reports the bad add value %s', (pair, key, value, expected) => {
    const input = `add student=${SAM} name=Sam mentor=a@b.nl start=2026-02-02 end=2026-03-02 ${pair}`;

    expect(failure(input)).toEqual({
      code: 'COMMAND.BAD_VALUE',
      command: 'add',
      params: { key, value, expected },
    });
  });

  it('reports an unknown excuse target and a coordinator action as usage errors', () => {
    expect(failure(`excuseer ${SAM} eindverslag`)).toEqual({
      code: 'COMMAND.USAGE',
      command: 'excuse',
      params: { value: 'eindverslag' },
    });
    expect(failure('coordinator maak jan@school.nl')).toMatchObject({
      code: 'COMMAND.USAGE',
      command: 'coordinator',
    });
  });

  it('reports an unclosed quote', () => {
    expect(failure('kanaal "Zorg 3A')).toEqual({ code: 'COMMAND.UNCLOSED_QUOTE', params: {} });
  });
});
