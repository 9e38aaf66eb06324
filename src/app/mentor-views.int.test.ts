import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placements } from '../infra/db/schema';
import { type AppHarness, createAppHarness, textOf } from './testing/app-harness';
import { COORDINATOR, MENTOR, ONE_PLACEMENT, SEEDED_AT, STUDENT } from './testing/fixtures';

const FRIDAY_1300 = new Date('2027-02-05T12:00:00Z');
const NOTE = 'Besproken hoe de overdracht ging; volgende week oefenen met het rapport.';
const later = (minutes: number) => new Date(FRIDAY_1300.getTime() + minutes * 60_000);

describe('what a mentor sees and reads', () => {
  let h: AppHarness;
  let placementId: string;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    await h.tick(FRIDAY_1300);
    await h.say(MENTOR, 'ja', later(30));
    await h.say(MENTOR, NOTE, later(31));
    const [row] = await h.database.db.select().from(placements);
    placementId = row?.id ?? '';
  });
  afterAll(() => h.close());

  it('gives a mentor help written for mentors, not the student help', async () => {
    await h.say(MENTOR, 'help', later(40));

    const keys = h.sentTo(MENTOR).map((m) => m.key);
    expect(keys).toContain('help.mentor');
    expect(keys).not.toContain('help.conversation');
    expect(textOf(h.sentTo(MENTOR, 'help.mentor')[0]!)).toContain('feedback');
  });

  it('explains the status and ladder step in the mentor overview', async () => {
    await h.say(MENTOR, 'mijn', later(41));

    const overview = h.sentTo(MENTOR, 'status.me').at(-1);
    expect(overview && textOf(overview)).toContain('loopt · geen gemiste verslagen');
    expect(overview && textOf(overview)).not.toMatch(/loopt, 0/);
  });

  it('shows the weekly-talk note to the mentor in the student details', async () => {
    const details = await h.click(MENTOR, 'digest.details', placementId, later(42));

    expect(details.view && textOf(details.view)).toContain(NOTE);
  });

  it('shows the note in the student history for the coordinator', async () => {
    const history = await h.click(COORDINATOR, 'mentor.student-history', placementId, later(43));

    expect(history.view && textOf(history.view)).toContain(NOTE);
    expect(h.sentTo(STUDENT).map(textOf).join('\n')).not.toContain(NOTE);
  });
});
