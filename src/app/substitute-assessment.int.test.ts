import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, substitutes } from '../infra/db/schema';
import { storesOnDb } from '../infra/db/stores';
import { exportPlacements } from './privacy/export';
import { type AppHarness, createAppHarness, textOf } from './testing/app-harness';
import { COORDINATOR, MENTOR, ONE_PLACEMENT, SEEDED_AT, STUDENT } from './testing/fixtures';

// The February report (due 1 March 2027) is never written: the substitute is given at the sweep
// after the grace, Friday 5 March.
const SWEEP_AFTER_DEADLINE = new Date('2027-03-02T08:00:00Z');
const SWEEP_AFTER_GRACE = new Date('2027-03-05T08:00:00Z');
const HANDED_IN_AT = new Date('2027-03-08T14:30:00Z');
const READ_AT = new Date('2027-03-09T09:00:00Z');
const FIRST_WORK = 'Mijn eerste uitwerking: ik luisterde beter naar de overdracht.';
const SECOND_WORK =
  'Mijn tweede uitwerking, volgens STARR: de situatie was een drukke overdracht; ik vroeg door en schreef mee.';
const NOTE = 'Schrijf het volgens STARR uit, met wat je zelf deed.';

describe('assessing a handed-in substitute assignment', () => {
  let h: AppHarness;
  let key: string;
  let placementId: string;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    await h.tick(SWEEP_AFTER_DEADLINE);
    await h.tick(SWEEP_AFTER_GRACE);
    const [row] = await h.database.db.select().from(substitutes);
    key = row?.key ?? '';
    placementId = row?.placementId ?? '';
    await h.click(STUDENT, 'substitute.submit', key, HANDED_IN_AT, { substitute: FIRST_WORK });
  });
  afterAll(() => h.close());

  it('lets the mentor read the work from the student details, without an assessment form', async () => {
    const details = await h.click(MENTOR, 'digest.details', placementId, READ_AT);
    const readButton = details.view?.blocks
      .flatMap((b) => (b.type === 'actions' ? b.buttons : []))
      .find((b) => b.actionId === 'substitute.read');

    const view = await h.click(MENTOR, 'substitute.read', readButton?.value, READ_AT);

    expect(readButton?.value).toBe(key);
    expect(view.view && textOf(view.view)).toContain(FIRST_WORK);
    expect(view.view?.form).toBeUndefined();
    const reads = (await h.database.db.select().from(auditLog)).filter((e) => e.action === 'substitute.read');
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads)).not.toContain('uitwerking');
  });

  it('gives the coordinator the work with a form to mark it done or send it back', async () => {
    const view = await h.click(COORDINATOR, 'substitute.read', key, READ_AT);

    expect(view.view && textOf(view.view)).toContain(FIRST_WORK);
    expect(view.view?.form).toMatchObject({ submitActionId: 'substitute.assess', value: key });
  });

  it('sends it back: the student hears why and can hand it in again', async () => {
    await h.click(COORDINATOR, 'substitute.assess', key, READ_AT, { assessment: 'returned', note: NOTE });

    const told = h.sentTo(STUDENT, 'substitute.returned');
    expect(told).toHaveLength(1);
    expect(told[0] && textOf(told[0])).toContain(NOTE);
    const [row] = await h.database.db.select().from(substitutes);
    expect(row?.doneAt).toBeNull();
    expect(row?.reviewStatus).toBe('returned');
  });

  it('marks the second hand-in done and tells the student', async () => {
    await h.click(STUDENT, 'substitute.submit', key, new Date('2027-03-10T10:00:00Z'), {
      substitute: SECOND_WORK,
    });
    await h.click(COORDINATOR, 'substitute.assess', key, new Date('2027-03-11T09:00:00Z'), {
      assessment: 'accepted',
    });

    expect(h.sentTo(STUDENT, 'substitute.accepted')).toHaveLength(1);
    const [row] = await h.database.db.select().from(substitutes);
    expect(row?.reviewStatus).toBe('accepted');
    expect(row?.doneAt).toEqual(new Date('2027-03-10T10:00:00Z'));
  });

  it('puts the assignment and the work in the export', async () => {
    const result = await exportPlacements(
      storesOnDb(h.database.db, h.cipher),
      { student: STUDENT },
      { actor: 'cli', at: new Date('2027-03-12T09:00:00Z') },
    );

    const [assignment] = result.ok ? (result.document.placements[0]?.substituteAssignments ?? []) : [];
    expect(assignment).toMatchObject({ status: 'done', work: SECOND_WORK, assessment: 'accepted' });
  });
});
