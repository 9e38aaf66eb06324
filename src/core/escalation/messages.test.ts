import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../calendar/working-days';
import type { Locale, Message } from '../messages/model';
import * as escalationTexts from '../messages/texts/escalation';
import * as reportTexts from '../messages/texts/reports';
import type { ReportRecord } from '../reports/report';
import { StagecoachError } from '../shared/errors';
import { computeLadder } from './engine';
import { renderLadderAction } from './messages';
import { DEFAULT_ESCALATION_POLICY } from './policy';
import type { LadderAction, LadderState } from './types';

const names = { student: 'Sanne de Vries' };

const report = (dueDate: string): ReportRecord => ({
  id: `monthly:${dueDate}`,
  kind: 'monthly',
  dueDate,
  submittedAt: null,
  excused: false,
});

// Four missed monthly reports: Mon 1 Feb, Mon 1 Mar, Thu 1 Apr, Mon 3 May 2027.
const ladder: LadderState = computeLadder(
  {
    reports: [report('2027-02-01'), report('2027-03-01'), report('2027-04-01'), report('2027-05-03')],
    substitutes: [],
    resetAt: null,
    policy: DEFAULT_ESCALATION_POLICY,
    calendar: createWorkCalendar(),
    timezone: 'Europe/Amsterdam',
  },
  new Date('2027-05-20T12:00:00Z'),
);

function action(key: string): LadderAction {
  const found = ladder.timeline.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no action ${key}`);
  return found;
}

/** Everything a reader sees, as one string. */
function visible(message: Message): string {
  return message.blocks
    .flatMap((block) => {
      switch (block.type) {
        case 'text':
          return [block.text];
        case 'quote':
          return [block.label ?? '', block.text];
        case 'fields':
          return block.fields.map((field) => `${field.label}: ${field.value}`);
        case 'actions':
          return block.buttons.map((button) => button.label);
        default:
          return [];
      }
    })
    .join('\n');
}

describe('a miss explained to the student', () => {
  it('names the report, the deadline, the end of the grace and what happens after it', () => {
    const message = renderLadderAction(action('miss.detected:monthly:2027-02-01'), 'student', 'nl', names);

    expect(visible(message)).toContain('Je reflectieverslag over januari is nog niet binnen');
    expect(visible(message)).toContain('De deadline was maandag 1 februari om 23:59');
    expect(visible(message)).toContain('tot en met donderdag 4 februari om 23:59');
    expect(visible(message)).toContain('vervangende opdracht');
    expect(message.blocks.at(-1)).toMatchObject({
      type: 'actions',
      buttons: [{ actionId: 'starr.start', value: 'monthly:2027-02-01', keyword: 'start' }],
    });
  });

  it('tells the due date of a substitute given at once', () => {
    const message = renderLadderAction(action('miss.detected:monthly:2027-03-01'), 'student', 'nl', {
      ...names,
      substituteText: 'Schrijf een reflectie van 300 woorden over een feedbackgesprek.',
    });

    expect(visible(message)).toContain('Lever die in vóór of op dinsdag 16 maart');
    expect(visible(message)).toContain('Schrijf een reflectie van 300 woorden');
    expect(visible(message)).toContain('Dit is je 2e gemiste verslag');
  });

  it('words the third miss as the last chance', () => {
    const message = renderLadderAction(action('miss.detected:monthly:2027-04-01'), 'student', 'nl', names);

    expect(visible(message)).toContain('Dit is je laatste kans: mis je nog een verslag');
  });

  it('explains the substitute given when the grace ran out, and that the report is still owed', () => {
    const message = renderLadderAction(action('grace.expired:monthly:2027-02-01'), 'student', 'nl', names);

    expect(visible(message)).toContain('lever die in vóór of op donderdag 18 februari');
    expect(visible(message)).toContain('Je reflectieverslag over januari moet je ook nog steeds inleveren');
  });

  it('speaks English when asked', () => {
    const message = renderLadderAction(action('miss.detected:monthly:2027-02-01'), 'student', 'en', names);

    expect(visible(message)).toContain('The deadline was Monday 1 February at 23:59');
    expect(message.summary).toBe('Your reflection report on January is late: your 1st missed report.');
  });
});

describe('a miss explained to staff', () => {
  it.each<[string, Locale, string]>([
    [
      'miss.detected:monthly:2027-02-01',
      'nl',
      'Sanne de Vries: 1e gemiste verslag — stap 1: herinnering met respijt',
    ],
    [
      'miss.detected:monthly:2027-03-01',
      'nl',
      'Sanne de Vries: 2e gemiste verslag — stap 2: vervangende opdracht',
    ],
    [
      'miss.detected:monthly:2027-04-01',
      'nl',
      'Sanne de Vries: 3e gemiste verslag — stap 3: laatste kans en vervangende opdracht',
    ],
    [
      'placement.insufficient:monthly:2027-05-03',
      'nl',
      'Sanne de Vries: 4e gemiste verslag — stap 4: onvoldoende',
    ],
    [
      'miss.detected:monthly:2027-03-01',
      'en',
      'Sanne de Vries: 2nd missed report — step 2: substitute assignment',
    ],
  ])('%s reads for a coordinator (%s) as "%s"', (key, locale, expected) => {
    const message = renderLadderAction(action(key), 'coordinator', locale, names);

    expect(message.summary).toBe(expected);
    expect(message.blocks[0]).toEqual({ type: 'text', text: expected, style: 'heading' });
  });

  it('tells the mentor about the last chance', () => {
    const message = renderLadderAction(action('miss.detected:monthly:2027-04-01'), 'mentor', 'nl', names);

    expect(visible(message)).toContain('Dit is de laatste kans voor Sanne de Vries');
  });

  it('alerts the coordinator once about an overdue substitute', () => {
    const message = renderLadderAction(
      action('substitute.overdue:monthly:2027-02-01'),
      'coordinator',
      'nl',
      names,
    );

    expect(message.summary).toBe('Sanne de Vries: vervangende opdracht over de datum');
    expect(visible(message)).toContain('uiterlijk donderdag 18 februari');
  });

  it('refuses to render an action for someone it is not meant for', () => {
    expect(() =>
      renderLadderAction(action('miss.detected:monthly:2027-02-01'), 'mentor', 'nl', names),
    ).toThrow(StagecoachError);
  });
});

describe('every action of a ladder', () => {
  it('renders for each of its audiences in both languages, quoting nothing but the substitute text', () => {
    for (const item of ladder.timeline) {
      for (const audience of item.audience) {
        for (const locale of ['nl', 'en'] as const) {
          const message = renderLadderAction(item, audience, locale, names);

          expect(message.summary.length).toBeGreaterThan(0);
          expect(message.blocks.filter((block) => block.type === 'quote')).toEqual([]);
        }
      }
    }
  });
});

describe('the text catalogs', () => {
  it.each([
    ['escalation', escalationTexts],
    ['reports', reportTexts],
  ])('%s has the same keys in Dutch and English', (_area, catalog) => {
    expect(Object.keys(catalog.en).sort()).toEqual(Object.keys(catalog.nl).sort());
  });
});
