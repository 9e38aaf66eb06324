import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlacementBundles } from '../infra/db/repositories/placements';
import { substitutes } from '../infra/db/schema';
import { openCell } from '../infra/db/sealed';
import { evaluatePlacement } from './placements/evaluate';
import { type AppHarness, createAppHarness } from './testing/app-harness';
import { COORDINATOR, MENTOR, ONE_PLACEMENT, SEEDED_AT, STUDENT } from './testing/fixtures';

// The February report is due Monday 1 March 2027; the 3-day grace ends Thursday 4 March, so the
// substitute is given at the sweep on Friday 5 March, 09:00 Amsterdam (08:00Z).
const SWEEP_AFTER_DEADLINE = new Date('2027-03-02T08:00:00Z');
const SWEEP_AFTER_GRACE = new Date('2027-03-05T08:00:00Z');
const HANDED_IN_AT = new Date('2027-03-08T14:30:00Z');
const WORK =
  'Mijn uitwerking over de overdracht: ik heb geleerd eerst te luisteren en dan pas te antwoorden.';

describe('handing in a substitute assignment through the bot', () => {
  let h: AppHarness;
  let key: string;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    await h.tick(SWEEP_AFTER_DEADLINE);
    await h.tick(SWEEP_AFTER_GRACE);
    const [row] = await h.database.db.select().from(substitutes);
    key = row?.key ?? '';
  });
  afterAll(() => h.close());

  it('gives the student the assignment with a button to hand it in', () => {
    const given = h
      .sentTo(STUDENT)
      .find((m) =>
        m.blocks.some(
          (b) => b.type === 'actions' && b.buttons.some((button) => button.actionId === 'substitute.open'),
        ),
      );
    expect(key).not.toBe('');
    expect(given).toBeDefined();
  });

  it('opens a private form with the assignment when the student clicks the button', async () => {
    const result = await h.click(STUDENT, 'substitute.open', key, HANDED_IN_AT);
    expect(result.view?.key).toBe('substitute.form');
    expect(result.view?.form).toMatchObject({ submitActionId: 'substitute.submit', value: key });
  });

  it('refuses an empty hand-in and changes nothing', async () => {
    const result = await h.click(STUDENT, 'substitute.submit', key, HANDED_IN_AT, { substitute: '  ' });
    expect(result.replies.map((m) => m.key)).toEqual(['substitute.empty']);
    const [row] = await h.database.db.select().from(substitutes);
    expect(row?.doneAt).toBeNull();
  });

  it('stores the work encrypted at the time of the act and marks the assignment done', async () => {
    await h.click(STUDENT, 'substitute.submit', key, HANDED_IN_AT, { substitute: WORK });

    const [row] = await h.database.db.select().from(substitutes);
    expect(row?.doneAt).toEqual(HANDED_IN_AT);
    expect(row?.contentEnc).not.toContain('uitwerking');
    expect(openCell(h.cipher, substitutes, 'contentEnc', row)).toBe(WORK);
    const [bundle] = await loadPlacementBundles(h.database.db, { all: true });
    const ladder = evaluatePlacement(bundle!, new Date('2027-03-30T10:00:00Z')).ladder;
    expect(ladder.substitutes.map((s) => s.status)).toEqual(['done']);
  });

  it('tells the mentor and the coordinator, without the work itself', () => {
    for (const email of [MENTOR, COORDINATOR]) {
      const notes = h.sentTo(email, 'substitute.handed-in');
      expect(notes).toHaveLength(1);
      expect(JSON.stringify(notes)).not.toContain('uitwerking');
    }
  });
});
