import { describe, expect, it } from 'vitest';
import { COMMAND_TABLE, findCommandByAlias, normalizeWord, requiredRole, usageLine } from './table';
import type { CommandName } from './types';

/** Every command name; the `Record` makes the compiler reject a missing or extra name. */
const ALL_NAMES: Record<CommandName, true> = {
  help: true,
  me: true,
  overview: true,
  add: true,
  import: true,
  pause: true,
  resume: true,
  excuse: true,
  substitute: true,
  'check-off': true,
  remind: true,
  channel: true,
  settings: true,
  export: true,
  erase: true,
  coordinator: true,
  reset: true,
};

describe('the command table', () => {
  it('has exactly one row per command name', () => {
    const names = COMMAND_TABLE.map((spec) => spec.name);

    expect([...names].sort()).toEqual(Object.keys(ALL_NAMES).sort());
  });

  it('gives every command at least one Dutch and one English word', () => {
    for (const spec of COMMAND_TABLE) {
      expect(spec.aliases.nl.length, spec.name).toBeGreaterThan(0);
      expect(spec.aliases.en.length, spec.name).toBeGreaterThan(0);
    }
  });

  it('never uses one word for two commands', () => {
    const owner = new Map<string, CommandName>();
    for (const spec of COMMAND_TABLE) {
      for (const alias of [...spec.aliases.nl, ...spec.aliases.en]) {
        expect(owner.get(alias) ?? spec.name, alias).toBe(spec.name);
        owner.set(alias, spec.name);
      }
    }
  });

  it('stores words in their normalised form so lookups can find them', () => {
    for (const spec of COMMAND_TABLE) {
      for (const alias of [...spec.aliases.nl, ...spec.aliases.en]) expect(normalizeWord(alias)).toBe(alias);
    }
  });

  it('finds a command whatever the case or accents', () => {
    expect(findCommandByAlias('Coördinator')?.name).toBe('coordinator');
    expect(findCommandByAlias('PAUZEER')?.name).toBe('pause');
  });
});

describe('requiredRole', () => {
  it.each([
    ['help', 'anyone'],
    ['me', 'anyone'],
    ['overview', 'coordinator'],
    ['erase', 'coordinator'],
    ['reset', 'coordinator'],
  ] as const)('%s needs %s', (name, role) => {
    expect(requiredRole(name)).toBe(role);
  });

  it('reads the role from a parsed command too', () => {
    expect(requiredRole({ type: 'remind', studentEmail: 'sam@school.nl' })).toBe('coordinator');
  });

  it('keeps everything but help and own status for coordinators', () => {
    const open = COMMAND_TABLE.filter((spec) => spec.role === 'anyone').map((spec) => spec.name);

    expect(open.sort()).toEqual(['help', 'me']);
  });
});

describe('usageLine', () => {
  it('shows the Dutch form in Dutch and the English form in English', () => {
    expect(usageLine('resume', 'nl')).toBe('stage hervat <e-mail-stagiair> [<JJJJ-MM-DD>]');
    expect(usageLine('resume', 'en')).toBe('stage resume <student-email> [<YYYY-MM-DD>]');
  });

  it('shows no trailing space for a command without arguments', () => {
    expect(usageLine('me', 'en')).toBe('stage me');
  });
});
