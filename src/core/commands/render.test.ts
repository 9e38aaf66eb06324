import { describe, expect, it } from 'vitest';
import type { Block, Locale, Message } from '../messages/model';
import { renderCommandError } from './render-error';
import { renderHelp } from './render-help';
import { COMMAND_TABLE, usageLine } from './table';
import type { CommandErrorCode, CommandUsageError } from './types';

const textsOf = (message: Message): string[] =>
  message.blocks.flatMap((block: Block) => (block.type === 'text' ? [block.text] : []));

const LOCALES: Locale[] = ['nl', 'en'];

describe('renderHelp', () => {
  it.each(LOCALES)(
    'lists every command of the table with its usage line and all its words (%s)',
    (locale) => {
      // Act
      const all = textsOf(renderHelp(locale)).join('\n');

      // Assert
      for (const spec of COMMAND_TABLE) {
        expect(all).toContain(usageLine(spec.name, locale));
        for (const alias of [...spec.aliases.nl, ...spec.aliases.en]) expect(all).toContain(alias);
      }
    },
  );

  it.each(LOCALES)(
    'shows one block per table row and nothing else that looks like a command (%s)',
    (locale) => {
      // Act
      const lines = textsOf(renderHelp(locale)).filter((block) => block.startsWith('stage '));

      // Assert
      expect(lines).toHaveLength(COMMAND_TABLE.length);
    },
  );

  it('writes the Dutch help in Dutch and the English help in English', () => {
    const dutch = textsOf(renderHelp('nl')).join('\n');
    const english = textsOf(renderHelp('en')).join('\n');

    expect(dutch).toContain('stage pauzeer');
    expect(dutch).toContain('Voor stagecoördinatoren');
    expect(english).toContain('stage pause');
    expect(english).toContain('For coordinators');
  });

  it('leaves coordinator commands out for people without that role', () => {
    const help = textsOf(renderHelp('nl', null, { audience: 'anyone' }));

    expect(help.filter((block) => block.startsWith('stage '))).toEqual([
      expect.stringContaining('stage help'),
      expect.stringContaining('stage mijn'),
    ]);
  });

  it.each(COMMAND_TABLE.flatMap((spec) => LOCALES.map((locale) => [spec.name, locale] as const)))(
    'explains %s on its own in %s, with an example in that language',
    (name, locale) => {
      const message = renderHelp(locale, name);
      const texts = textsOf(message);

      expect(message.key).toBe(`command.help.${name}`);
      expect(texts[0]).toBe(usageLine(name, locale));
      expect(texts.join('\n')).toContain(locale === 'nl' ? 'Voorbeeld: stage ' : 'Example: stage ');
    },
  );

  it('lists every setting key in the settings help', () => {
    const help = textsOf(renderHelp('nl', 'settings')).join('\n');

    for (const key of ['checkin_day', 'checkin_dag', 'closed_dates', 'retention_months'])
      expect(help).toContain(key);
  });
});

describe('renderCommandError', () => {
  const cases: ReadonlyArray<[CommandErrorCode, CommandUsageError, string, string]> = [
    [
      'COMMAND.UNKNOWN',
      { code: 'COMMAND.UNKNOWN', params: { input: 'overzict', suggestion: 'overzicht' } },
      'Bedoelde je stage overzicht?',
      'Did you mean stage overzicht?',
    ],
    ['COMMAND.USAGE', { code: 'COMMAND.USAGE', command: 'excuse', params: { value: 'x' } }, '“x”', '“x”'],
    [
      'COMMAND.MISSING_ARGUMENT',
      { code: 'COMMAND.MISSING_ARGUMENT', command: 'pause', params: { argument: 'from-date' } },
      'de begindatum',
      'the start date',
    ],
    [
      'COMMAND.UNEXPECTED_ARGUMENT',
      { code: 'COMMAND.UNEXPECTED_ARGUMENT', command: 'me', params: { value: 'extra' } },
      '“extra” hoort hier niet bij',
      '“extra” doesn’t belong here',
    ],
    [
      'COMMAND.BAD_DATE',
      { code: 'COMMAND.BAD_DATE', command: 'pause', params: { value: '2027-02-30' } },
      'JJJJ-MM-DD',
      'YYYY-MM-DD',
    ],
    [
      'COMMAND.BAD_EMAIL',
      { code: 'COMMAND.BAD_EMAIL', command: 'remind', params: { value: 'sam@' } },
      'geen geldig e-mailadres',
      'not a valid e-mail address',
    ],
    [
      'COMMAND.BAD_RANGE',
      { code: 'COMMAND.BAD_RANGE', command: 'pause', params: { from: '2026-03-13', to: '2026-03-02' } },
      'vóór de begindatum',
      'before the start date',
    ],
    [
      'COMMAND.BAD_VALUE',
      {
        code: 'COMMAND.BAD_VALUE',
        command: 'settings',
        params: { key: 'grace_days', value: '99', expected: 'integer', min: 0, max: 30 },
      },
      'van 0 tot en met 30',
      'from 0 to 30',
    ],
    [
      'COMMAND.UNKNOWN_KEY',
      { code: 'COMMAND.UNKNOWN_KEY', command: 'add', params: { key: 'nmae', suggestion: 'name' } },
      'Bedoelde je name=…?',
      'Did you mean name=…?',
    ],
    [
      'COMMAND.DUPLICATE_KEY',
      { code: 'COMMAND.DUPLICATE_KEY', command: 'add', params: { key: 'naam' } },
      'twee keer',
      'twice',
    ],
    [
      'COMMAND.NEEDS_CONFIRMATION',
      { code: 'COMMAND.NEEDS_CONFIRMATION', command: 'erase', params: { email: 'sam@school.nl' } },
      'stage wis sam@school.nl bevestig',
      'stage erase sam@school.nl confirm',
    ],
    ['COMMAND.UNCLOSED_QUOTE', { code: 'COMMAND.UNCLOSED_QUOTE', params: {} }, 'aanhalingsteken', 'quote'],
  ];

  it.each(cases)('explains %s in Dutch and in English', (_code, error, dutch, english) => {
    // Act
    const nl = renderCommandError(error, 'nl');
    const en = renderCommandError(error, 'en');

    // Assert
    expect(textsOf(nl).join('\n')).toContain(dutch);
    expect(textsOf(en).join('\n')).toContain(english);
    expect(nl.summary).not.toBe('');
    expect(nl.key).toMatch(/^command\.error\.[a-z-]+$/);
  });

  it('shows the right form of the command in the person’s language', () => {
    const error: CommandUsageError = {
      code: 'COMMAND.BAD_DATE',
      command: 'pause',
      params: { value: '2027-02-30' },
    };

    expect(textsOf(renderCommandError(error, 'nl'))).toContain(`Zo werkt het: ${usageLine('pause', 'nl')}`);
    expect(textsOf(renderCommandError(error, 'en'))).toContain(`How it works: ${usageLine('pause', 'en')}`);
  });

  it('says erasing is irreversible when the confirmation is missing', () => {
    const error: CommandUsageError = {
      code: 'COMMAND.NEEDS_CONFIRMATION',
      command: 'erase',
      params: { email: 'sam@school.nl' },
    };

    expect(renderCommandError(error, 'nl').summary).toContain('niet terugdraaien');
    expect(renderCommandError(error, 'en').summary).toContain('cannot be undone');
  });

  it('points to help after an unknown command', () => {
    const message = renderCommandError({ code: 'COMMAND.UNKNOWN', params: { input: 'banaan' } }, 'nl');

    expect(textsOf(message)).toEqual([
      'Het commando “banaan” ken ik niet.',
      'Typ stage help voor alle commando’s.',
    ]);
  });
});

describe('the commands catalog', () => {
  it('has the same keys in Dutch and English', async () => {
    const catalog = await import('../messages/texts/commands');

    expect(Object.keys(catalog.en).sort()).toEqual(Object.keys(catalog.nl).sort());
  });
});
