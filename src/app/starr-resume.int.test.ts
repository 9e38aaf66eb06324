import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, createAppHarness } from './testing/app-harness';
import { ONE_PLACEMENT, SEEDED_AT, STUDENT } from './testing/fixtures';

const DAY_ONE = new Date('2027-02-24T10:00:00Z');
const DAY_TWO = new Date('2027-02-25T10:00:00Z');

describe('stopping a reflection and typing start the next day', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    await h.say(STUDENT, 'start', DAY_ONE);
    await h.say(STUDENT, 'Ik communiceer duidelijk met familie', new Date(DAY_ONE.getTime() + 60_000));
    await h.say(STUDENT, 'stop', new Date(DAY_ONE.getTime() + 120_000));
    await h.dispatcher.drain();
  });
  afterAll(() => h.close());

  it('resumes the same draft at the step where the student stopped', async () => {
    await h.say(STUDENT, 'start', DAY_TWO);
    await h.dispatcher.drain();

    expect(h.sentTo(STUDENT).at(-1)?.key).toBe('starr.ask.situation');
  });

  it('keeps a start word typed as an answer inside an open draft as the answer', async () => {
    await h.say(STUDENT, 'verslag', new Date(DAY_TWO.getTime() + 60_000));
    await h.dispatcher.drain();

    // "verslag" is the situation now (short, so a gentle nudge), and the task is asked next.
    expect(h.sentTo(STUDENT).at(-1)?.key).toBe('starr.ask.task');
  });
});
