import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse';
import type { Command } from './types';

const parsed = (text: string): Command => {
  const result = parseCommand(text);
  if (!result.ok) throw new Error(`expected ${text} to parse, got ${JSON.stringify(result.error)}`);
  return result.value;
};

const SAM = 'sam@school.nl';

describe('parseCommand: every command in Dutch and English', () => {
  it.each<[string, string, Command]>([
    ['hulp', 'help', { type: 'help', topic: null }],
    ['hulp pauzeer', 'help pause', { type: 'help', topic: 'pause' }],
    ['mijn', 'me', { type: 'me' }],
    ['overzicht', 'overview', { type: 'overview', target: null }],
    [
      'overzicht "Zorg 3A"',
      'overview "Zorg 3A"',
      { type: 'overview', target: { kind: 'cohort', cohort: 'Zorg 3A' } },
    ],
    [`overzicht ${SAM}`, `overview ${SAM}`, { type: 'overview', target: { kind: 'student', email: SAM } }],
    ['importeer', 'import', { type: 'import', skipInvalid: false }],
    ['importeer --skip-invalid', 'import --skip-invalid', { type: 'import', skipInvalid: true }],
    [
      `pauzeer ${SAM} 2026-03-02 2026-03-13 reden ziek thuis`,
      `pause ${SAM} 2026-03-02 2026-03-13 reason ziek thuis`,
      { type: 'pause', studentEmail: SAM, from: '2026-03-02', until: '2026-03-13', reason: 'ziek thuis' },
    ],
    [
      `pauzeer ${SAM} 2026-03-02`,
      `pause ${SAM} 2026-03-02`,
      { type: 'pause', studentEmail: SAM, from: '2026-03-02', until: null, reason: null },
    ],
    [`hervat ${SAM}`, `resume ${SAM}`, { type: 'resume', studentEmail: SAM, on: null }],
    [
      `hervat ${SAM} 2026-03-16`,
      `resume ${SAM} 2026-03-16`,
      { type: 'resume', studentEmail: SAM, on: '2026-03-16' },
    ],
    [
      `excuseer ${SAM} 2026-04-01 ziek`,
      `excuse ${SAM} 2026-04-01 ziek`,
      {
        type: 'excuse',
        studentEmail: SAM,
        report: { kind: 'due-date', dueDate: '2026-04-01' },
        reason: 'ziek',
      },
    ],
    [
      `excuseer ${SAM} kennismaking`,
      `excuse ${SAM} intro`,
      { type: 'excuse', studentEmail: SAM, report: { kind: 'intro' }, reason: null },
    ],
    [
      `excuseer ${SAM} tussenevaluatie`,
      `excuse ${SAM} midterm`,
      { type: 'excuse', studentEmail: SAM, report: { kind: 'midterm' }, reason: null },
    ],
    [
      `vervangend ${SAM} Schrijf een reflectie op je eerste maand.`,
      `substitute ${SAM} Schrijf een reflectie op je eerste maand.`,
      { type: 'substitute', studentEmail: SAM, text: 'Schrijf een reflectie op je eerste maand.' },
    ],
    [`afvinken ${SAM}`, `check-off ${SAM}`, { type: 'check-off', studentEmail: SAM, reportDueDate: null }],
    [
      `afvinken ${SAM} 2026-04-01`,
      `tick-off ${SAM} 2026-04-01`,
      { type: 'check-off', studentEmail: SAM, reportDueDate: '2026-04-01' },
    ],
    [`herinner ${SAM}`, `remind ${SAM}`, { type: 'remind', studentEmail: SAM }],
    ['kanaal "Zorg 3A"', 'channel "Zorg 3A"', { type: 'channel', cohort: 'Zorg 3A' }],
    ['instellingen "Zorg 3A"', 'settings "Zorg 3A"', { type: 'settings', cohort: 'Zorg 3A', patch: null }],
    [
      'instellingen "Zorg 3A" checkin_dag=do checkin_tijd=14:00',
      'settings "Zorg 3A" checkin_day=thu checkin_time=14:00',
      { type: 'settings', cohort: 'Zorg 3A', patch: { checkinWeekday: 4, checkinTime: '14:00' } },
    ],
    ['export', 'export', { type: 'export', format: 'json', target: null, withCheckins: false }],
    [
      'exporteer csv "Zorg 3A"',
      'export csv "Zorg 3A"',
      { type: 'export', format: 'csv', target: { kind: 'cohort', cohort: 'Zorg 3A' }, withCheckins: false },
    ],
    [
      'exporteer "Zorg 3A" met-checkins',
      'export "Zorg 3A" with-checkins',
      { type: 'export', format: 'json', target: { kind: 'cohort', cohort: 'Zorg 3A' }, withCheckins: true },
    ],
    [`wis ${SAM} bevestig`, `erase ${SAM} confirm`, { type: 'erase', studentEmail: SAM, confirmed: true }],
    [
      'coordinator toevoegen jan@school.nl "Zorg 3A"',
      'coordinator add jan@school.nl "Zorg 3A"',
      { type: 'coordinator', action: 'add', email: 'jan@school.nl', cohort: 'Zorg 3A' },
    ],
    [
      'coordinator verwijderen jan@school.nl',
      'coordinator remove jan@school.nl',
      { type: 'coordinator', action: 'remove', email: 'jan@school.nl', cohort: null },
    ],
    [`herstel ${SAM}`, `reset ${SAM}`, { type: 'reset', studentEmail: SAM }],
  ])('"%s" and "%s" mean the same', (dutch, english, expected) => {
    // Act
    const fromDutch = parseCommand(dutch);
    const fromEnglish = parseCommand(english);

    // Assert
    expect(fromDutch).toEqual({ ok: true, value: expected });
    expect(fromEnglish).toEqual({ ok: true, value: expected });
  });

  it('parses a full add command with Dutch and English keys to the same placement', () => {
    // Arrange
    const dutch =
      'toevoegen student=Sam@School.nl naam="Sam de Vries" mentor=anna@zorgpunt.nl|piet@zorgpunt.nl ' +
      'mentornaam="Anna Bakker|Piet Jansen" start=2026-02-02 eind=2026-06-26 cohort="Zorg 3A" ' +
      'organisatie="Zorgpunt West" coordinator=jan@school.nl kennismaking=2026-02-03 ' +
      'tussenevaluatie=2026-04-14 eindbeoordeling=2026-06-23 werkdagen=ma,di,wo taal=en';
    const english =
      'add student=sam@school.nl name="Sam de Vries" mentor=anna@zorgpunt.nl|piet@zorgpunt.nl ' +
      'mentor_name="Anna Bakker|Piet Jansen" start=2026-02-02 end=2026-06-26 cohort="Zorg 3A" ' +
      'organisation="Zorgpunt West" coordinator=jan@school.nl intro=2026-02-03 ' +
      'midterm=2026-04-14 final=2026-06-23 working_days=mon-wed locale=en';

    // Act
    const fromDutch = parsed(dutch);
    const fromEnglish = parsed(english);

    // Assert
    expect(fromDutch).toEqual({
      type: 'add',
      placement: {
        studentEmail: SAM,
        studentName: 'Sam de Vries',
        mentorEmails: ['anna@zorgpunt.nl', 'piet@zorgpunt.nl'],
        mentorNames: ['Anna Bakker', 'Piet Jansen'],
        startDate: '2026-02-02',
        endDate: '2026-06-26',
        cohort: 'Zorg 3A',
        organisation: 'Zorgpunt West',
        coordinatorEmail: 'jan@school.nl',
        introDate: '2026-02-03',
        midEvaluationDate: '2026-04-14',
        finalEvaluationDate: '2026-06-23',
        workingDays: [1, 2, 3],
        locale: 'en',
      },
    });
    expect(fromEnglish).toEqual(fromDutch);
  });

  it('fills optional add fields with null when they are left out', () => {
    // Act
    const command = parsed(
      `add student=${SAM} name=Sam mentor=anna@zorgpunt.nl start=2026-02-02 end=2026-06-26`,
    );

    // Assert
    expect(command).toMatchObject({
      type: 'add',
      placement: { cohort: null, organisation: null, workingDays: null, locale: null, mentorNames: [] },
    });
  });
});

describe('parseCommand: forms of input', () => {
  it.each([
    ['/stage mijn', { type: 'me' }],
    ['stage mijn', { type: 'me' }],
    ['Stage MIJN', { type: 'me' }],
    ['', { type: 'help', topic: null }],
    ['/stage', { type: 'help', topic: null }],
  ] as const)('accepts "%s"', (input, expected) => {
    expect(parsed(input)).toEqual(expected);
  });

  it('keeps a quoted student name with spaces as one value', () => {
    const command = parsed(
      `add student=${SAM} naam=“Sam de Vries” mentor=a@b.nl start=2026-02-02 end=2026-03-02`,
    );

    expect(command).toMatchObject({ placement: { studentName: 'Sam de Vries' } });
  });

  it('joins an unquoted cohort name of several words', () => {
    expect(parsed('overzicht Zorg 3A')).toEqual({
      type: 'overview',
      target: { kind: 'cohort', cohort: 'Zorg 3A' },
    });
  });

  it('lower-cases e-mail addresses and unwraps Slack mailto links', () => {
    expect(parsed('herinner <mailto:Sam@School.nl|Sam@School.nl>')).toEqual({
      type: 'remind',
      studentEmail: SAM,
    });
  });

  it('splits a Slack-escaped mentor list on the bars between addresses only', () => {
    const command = parsed(
      `add student=${SAM} name=Sam mentor=<mailto:a@b.nl|a@b.nl>|<mailto:c@d.nl|c@d.nl> start=2026-02-02 end=2026-03-02`,
    );

    expect(command).toMatchObject({ placement: { mentorEmails: ['a@b.nl', 'c@d.nl'] } });
  });

  it('accepts the confirmation word with dashes', () => {
    expect(parsed(`erase ${SAM} --confirm`)).toEqual({ type: 'erase', studentEmail: SAM, confirmed: true });
  });
});
