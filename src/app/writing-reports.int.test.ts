import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../infra/db/schema';
import { type AppHarness, createAppHarness, textOf } from './testing/app-harness';
import { ONE_PLACEMENT, SEEDED_AT, STARR_ANSWERS, STUDENT } from './testing/fixtures';

const later = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
// Monday 22 March 2027: the report about February (due Monday 1 March) is missed, and the one
// about March can be handed in from 20 March.
const BEHIND_AT = new Date('2027-03-22T10:00:00Z');
// Wednesday 3 March: March has begun, but its report cannot be handed in yet.
const EARLY_AT = new Date('2027-03-03T10:00:00Z');

describe('a student who is behind chooses which report to write', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
  });
  afterAll(() => h.close());

  it('offers a choice naming each open report instead of picking the oldest', async () => {
    await h.say(STUDENT, 'start', BEHIND_AT);

    const choice = h.sentTo(STUDENT).at(-1);
    expect(choice?.key).toBe('starr.choose');
    expect(choice && textOf(choice)).toContain('Reflectieverslag over februari');
    expect(choice && textOf(choice)).toContain('Reflectieverslag over maart');
  });

  it('names the chosen report in the header of every step', async () => {
    await h.click(STUDENT, 'starr.start', 'monthly:2027-04-01', later(BEHIND_AT, 1));

    const ask = h.sentTo(STUDENT).at(-1);
    expect(ask?.key).toBe('starr.ask.goal');
    expect(ask?.summary).toContain('Reflectieverslag over maart · stap 1 van 6');
  });
});

describe('a report cannot be handed in before its period has mostly passed', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
  });
  afterAll(() => h.close());

  it('offers only the report that can be handed in when start is typed early in the month', async () => {
    await h.say(STUDENT, 'start', EARLY_AT);

    expect(h.sentTo(STUDENT).at(-1)?.summary).toContain('Reflectieverslag over februari');
  });

  it('refuses to hand in the March report before 20 March and keeps the draft', async () => {
    await h.click(STUDENT, 'starr.start', 'monthly:2027-04-01', later(EARLY_AT, 2));
    const answers = Object.values(STARR_ANSWERS);
    for (const [index, text] of answers.entries()) await h.say(STUDENT, text, later(EARLY_AT, 3 + index));
    await h.say(STUDENT, 'verstuur', later(EARLY_AT, 10));

    const refusal = h.sentTo(STUDENT).at(-1);
    expect(refusal?.key).toBe('starr.rejected.too-early');
    expect(refusal && textOf(refusal)).toContain('zaterdag 20 maart');
    expect(await h.database.db.select().from(reports)).toEqual([]);
  });

  it('takes the same draft from 20 March on', async () => {
    await h.say(STUDENT, 'verstuur', new Date('2027-03-20T09:00:00Z'));

    expect(h.sentTo(STUDENT).at(-1)?.key).toBe('starr.submitted');
    const [row] = await h.database.db.select().from(reports);
    expect(row?.dueDate).toBe('2027-04-01');
  });
});

describe('answers typed around the summary are never thrown away', () => {
  let h: AppHarness;
  const at = new Date('2027-02-24T10:00:00Z');
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    // Goal, situation, then three skips, then the reflection: task, action and result are empty.
    const acts = [
      'start',
      STARR_ANSWERS.goal,
      STARR_ANSWERS.situation,
      'overslaan',
      'overslaan',
      'overslaan',
      STARR_ANSWERS.reflection,
    ];
    for (const [index, text] of acts.entries()) await h.say(STUDENT, text, later(at, index));
  });
  afterAll(() => h.close());

  it('after a refused submit asks each empty step in turn, then shows the summary', async () => {
    await h.say(STUDENT, 'verstuur', later(at, 10));
    expect(h.sentTo(STUDENT).at(-1)?.key).toBe('starr.ask.task');

    await h.say(STUDENT, STARR_ANSWERS.task, later(at, 11));
    expect(h.sentTo(STUDENT).at(-1)?.key).toBe('starr.ask.action');
    await h.say(STUDENT, STARR_ANSWERS.action, later(at, 12));
    expect(h.sentTo(STUDENT).at(-1)?.key).toBe('starr.ask.result');
    await h.say(STUDENT, STARR_ANSWERS.result, later(at, 13));

    const summary = h.sentTo(STUDENT).at(-1);
    expect(summary?.key).toBe('starr.summary');
    for (const answer of [STARR_ANSWERS.task, STARR_ANSWERS.action, STARR_ANSWERS.result]) {
      expect(summary && textOf(summary)).toContain(answer);
    }
  });

  it('asks which step text typed at the summary belongs to, then puts it there', async () => {
    const extra = 'Ik heb het daarna ook met mijn begeleider besproken en haar tips opgeschreven.';
    await h.say(STUDENT, extra, later(at, 20));
    expect(h.sentTo(STUDENT).at(-1)?.key).toBe('starr.which-step');

    await h.say(STUDENT, '4', later(at, 21));

    const summary = h.sentTo(STUDENT).at(-1);
    expect(summary?.key).toBe('starr.summary');
    expect(summary && textOf(summary)).toContain(extra);
  });
});

describe('the short-answer nudge in a whole report', () => {
  let h: AppHarness;
  const at = new Date('2027-02-24T10:00:00Z');
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    const acts = [
      'start',
      'Rustig en duidelijk communiceren met bewoners',
      // Ordinary answers of 70–100 characters, and two fragments (task and result).
      'De collega van de late dienst vroeg mij de overdracht van gang B te doen.',
      'Het was druk.',
      'Ik moest de bewoner op tijd klaar hebben voor het ontbijt, zonder haar op te jagen.',
      'Ging goed.',
      'Ik leerde dat ik rustig blijf; volgende keer vraag ik eerder hoe iemand heeft geslapen.',
    ];
    for (const [index, text] of acts.entries()) await h.say(STUDENT, text, later(at, index));
  });
  afterAll(() => h.close());

  it('leaves ordinary sentences alone and nudges a fragment once per report', () => {
    const keys = h.sentTo(STUDENT).map((m) => m.key);

    expect(keys.filter((key) => key.startsWith('starr.nudge.'))).toEqual(['starr.nudge.too-short']);
    expect(keys.indexOf('starr.nudge.too-short')).toBe(keys.indexOf('starr.ask.action') - 1);
    expect(keys.at(-1)).toBe('starr.summary');
  });
});
