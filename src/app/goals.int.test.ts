import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGoals } from '../infra/db/repositories/goals';
import { goals } from '../infra/db/schema';
import { type AppHarness, createAppHarness } from './testing/app-harness';
import { ONE_PLACEMENT, SEEDED_AT, STUDENT } from './testing/fixtures';

const AT = new Date('2027-02-03T10:00:00Z');

describe('a student setting learning goals', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
  });
  afterAll(() => h.close());

  it('adds a goal typed as "leerdoel …" to the current placement', async () => {
    await h.say(STUDENT, 'leerdoel Ik geef een duidelijke overdracht', AT);
    await h.say(STUDENT, 'goal I ask for feedback every week', new Date(AT.getTime() + 1000));

    const rows = await h.database.db.select().from(goals).orderBy(goals.position);
    expect(openGoals(h.cipher, rows)).toEqual([
      'Ik geef een duidelijke overdracht',
      'I ask for feedback every week',
    ]);
  });

  it('offers the goals as choices when the student starts a report', async () => {
    await h.say(STUDENT, 'start', new Date('2027-02-24T10:00:00Z'));
    await h.dispatcher.drain();

    const ask = h.sentTo(STUDENT, 'starr.ask.goal').at(-1);
    const labels = ask?.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.label) : []));
    expect(labels).toEqual(
      expect.arrayContaining(['Ik geef een duidelijke overdracht', 'I ask for feedback every week']),
    );
  });

  it('refuses a goal that is an essay, and changes nothing', async () => {
    await h.say(STUDENT, 'annuleer', new Date('2027-02-24T10:01:00Z'));
    await h.say(STUDENT, `leerdoel ${'lang '.repeat(100)}`, new Date('2027-02-24T10:02:00Z'));
    await h.dispatcher.drain();

    expect(h.sentTo(STUDENT).at(-1)?.key).toBe('goals.too-long');
    expect(await h.database.db.select().from(goals)).toHaveLength(2);
  });
});
