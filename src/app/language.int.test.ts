import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, createAppHarness, textOf } from './testing/app-harness';
import { MENTOR, ONE_PLACEMENT, SEEDED_AT, STUDENT } from './testing/fixtures';

const at = (minutes: number) => new Date(SEEDED_AT.getTime() + minutes * 60_000);
/** After the check-in tick: the clock only moves forward within one test database. */
const later = (minutes: number) => new Date(Date.UTC(2027, 1, 5, 13, minutes));

describe('each person chooses their own language', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
  });
  afterAll(() => h.close());

  it('switches to English on "taal en" and answers in English from then on', async () => {
    await h.say(STUDENT, 'taal en', at(1));
    await h.say(STUDENT, 'mine', at(2));

    const [confirmation, overview] = h.sentTo(STUDENT).slice(-2);
    expect(confirmation?.key).toBe('language.set');
    expect(confirmation && textOf(confirmation)).toContain("I'll write to you in English");
    expect(overview?.summary).toBe('Your overview');
  });

  it('sends the scheduled check-in in the chosen language', async () => {
    await h.tick(new Date('2027-02-05T12:00:00Z'));

    const prompt = h.sentTo(STUDENT, 'checkin.prompt').at(-1);
    const mentorQuestion = h.sentTo(MENTOR, 'checkin.mentor.talk').at(-1);
    expect(prompt && textOf(prompt)).toMatch(/week/i);
    expect(prompt && textOf(prompt)).not.toMatch(/Hoe gaat het/);
    expect(mentorQuestion && textOf(mentorQuestion)).toMatch(/gesprek|gesproken/i);
  });

  it('offers the other language as a button in the home view, which switches back', async () => {
    const home = await h.app.handler.home(
      { platform: 'console', tenant: 'console', platformUserId: STUDENT, email: STUDENT },
      later(10),
    );
    const button = home.blocks
      .flatMap((b) => (b.type === 'actions' ? b.buttons : []))
      .find((b) => b.actionId === 'language.set');

    await h.click(STUDENT, 'language.set', button?.value, later(11));

    expect(button?.value).toBe('nl');
    expect(h.sentTo(STUDENT).at(-1) && textOf(h.sentTo(STUDENT).at(-1)!)).toContain('Nederlands');
  });

  it('names the Dutch command in a Dutch refusal', async () => {
    const result = await h.command(MENTOR, 'overzicht', later(20));

    expect(result.replies.map(textOf).join('\n')).toContain(
      'Alleen een stagecoördinator mag "overzicht" gebruiken',
    );
  });
});
