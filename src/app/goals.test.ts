import { beforeAll, describe, expect, it } from 'vitest';
import { STUDENT } from './testing/fixtures';
import { createMemoryHarness, type MemoryHarness, ONE_PLACEMENT_INPUT } from './testing/memory-harness';

const AT = new Date('2027-02-03T10:00:00Z');

describe('a student setting learning goals (on the store fakes)', () => {
  let h: MemoryHarness;
  let placementId: string;
  beforeAll(async () => {
    h = createMemoryHarness();
    ({ placementId } = await h.seed(ONE_PLACEMENT_INPUT));
  });

  it('adds a goal typed as "leerdoel …" to the current placement', async () => {
    await h.say(STUDENT, 'leerdoel Ik geef een duidelijke overdracht', AT);
    await h.say(STUDENT, 'goal I ask for feedback every week', new Date(AT.getTime() + 1000));

    expect(await h.stores.goals.read(placementId)).toEqual([
      'Ik geef een duidelijke overdracht',
      'I ask for feedback every week',
    ]);
  });

  it('offers the goals as choices when the student starts a report', async () => {
    await h.say(STUDENT, 'start', new Date('2027-02-24T10:00:00Z'));

    const ask = h.queuedFor(STUDENT, 'starr.ask.goal').at(-1);
    const labels = ask?.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.label) : []));
    expect(labels).toEqual(
      expect.arrayContaining(['Ik geef een duidelijke overdracht', 'I ask for feedback every week']),
    );
  });

  it('refuses a goal that is an essay, and changes nothing', async () => {
    await h.say(STUDENT, 'annuleer', new Date('2027-02-24T10:01:00Z'));
    await h.say(STUDENT, `leerdoel ${'lang '.repeat(100)}`, new Date('2027-02-24T10:02:00Z'));

    expect(h.queuedFor(STUDENT).at(-1)?.key).toBe('goals.too-long');
    expect(await h.stores.goals.read(placementId)).toHaveLength(2);
  });
});
