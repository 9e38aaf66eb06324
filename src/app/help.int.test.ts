import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, createAppHarness } from './testing/app-harness';
import { COORDINATOR, MENTOR, ONE_PLACEMENT, SEEDED_AT, STUDENT } from './testing/fixtures';

const FRIDAY_1300 = new Date('2027-02-05T12:00:00Z');

describe('typing help in the direct conversation', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    await h.tick(FRIDAY_1300); // opens a check-in for the student and a talk question for the mentor
  });
  afterAll(() => h.close());

  async function helpKeysFor(email: string, at: Date): Promise<string[]> {
    const before = h.sentTo(email).length;
    await h.say(email, 'help', at);
    await h.dispatcher.drain();
    return h
      .sentTo(email)
      .slice(before)
      .map((m) => m.key);
  }

  it('gives a mentor with an open talk question the mentor help, not an error', async () => {
    expect(await helpKeysFor(MENTOR, new Date('2027-02-05T12:30:00Z'))).toEqual([
      'help.mentor',
      'command.help',
    ]);
  });

  it('gives a student in an open check-in the general help', async () => {
    expect(await helpKeysFor(STUDENT, new Date('2027-02-05T12:31:00Z'))).toEqual([
      'help.conversation',
      'command.help',
    ]);
  });

  it('shows a coordinator the coordinator commands', async () => {
    await h.say(COORDINATOR, 'help', new Date('2027-02-05T12:32:00Z'));
    await h.dispatcher.drain();
    const commandHelp = h.sentTo(COORDINATOR, 'command.help').at(-1);
    expect(JSON.stringify(commandHelp)).toContain('pauzeer');
  });
});
