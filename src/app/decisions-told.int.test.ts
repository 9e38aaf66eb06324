import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, createAppHarness, textOf } from './testing/app-harness';
import { COORDINATOR, MENTOR, ONE_PLACEMENT, SEEDED_AT, STUDENT, STUDENT_NAME } from './testing/fixtures';

const PAUSED_AT = new Date('2027-03-01T09:00:00Z');
// Monday 8 March 2027, 08:30 Amsterdam: the weekly digest, inside the pause.
const DIGEST_AT = new Date('2027-03-08T07:30:00Z');

describe('coordinator decisions are told to the student and the mentor', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    await h.command(COORDINATOR, `pauzeer ${STUDENT} 2027-03-01 2027-03-14 ziek`, PAUSED_AT);
  });
  afterAll(() => h.close());

  it('tells the student and the mentor of a pause in one message each, without the reason', () => {
    const toStudent = h.sentTo(STUDENT, 'decision.');
    const toMentor = h.sentTo(MENTOR, 'decision.');

    expect(toStudent.map((m) => m.key)).toEqual(['decision.paused']);
    expect(toMentor.map((m) => m.key)).toEqual(['decision.paused']);
    expect(textOf(toStudent[0]!)).toContain('maandag 1 maart');
    expect(textOf(toMentor[0]!)).toContain(STUDENT_NAME);
    expect(JSON.stringify([...toStudent, ...toMentor])).not.toContain('ziek');
  });

  it('shows the paused placement as paused in the digest', async () => {
    await h.tick(DIGEST_AT);

    const digest = h.sentTo(MENTOR, 'digest.mentor').map(textOf).join('\n');
    expect(digest).toContain('gepauzeerd');
  });

  it('tells both of an excused report', async () => {
    await h.command(COORDINATOR, `excuseer ${STUDENT} 2027-04-01 ziek`, new Date('2027-03-09T09:00:00Z'));

    const [toStudent] = h.sentTo(STUDENT, 'decision.excused');
    expect(toStudent && textOf(toStudent)).toContain('reflectieverslag over maart');
    expect(h.sentTo(MENTOR, 'decision.excused')).toHaveLength(1);
  });

  it('tells both of a reset after review', async () => {
    await h.command(COORDINATOR, `reset ${STUDENT}`, new Date('2027-03-10T09:00:00Z'));

    expect(h.sentTo(STUDENT, 'decision.reset')).toHaveLength(1);
    expect(h.sentTo(MENTOR, 'decision.reset')).toHaveLength(1);
  });
});

describe('a ticked-off substitute assignment is told to the student and the mentor', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    // The February report is never written: a substitute is given after the grace (5 March).
    await h.tick(new Date('2027-03-02T08:00:00Z'));
    await h.tick(new Date('2027-03-05T08:00:00Z'));
    await h.command(COORDINATOR, `afvinken ${STUDENT}`, new Date('2027-03-06T09:00:00Z'));
  });
  afterAll(() => h.close());

  it('sends one message to each', () => {
    const [toStudent] = h.sentTo(STUDENT, 'decision.ticked');

    expect(h.sentTo(STUDENT, 'decision.')).toHaveLength(1);
    expect(toStudent && textOf(toStudent)).toContain('afgevinkt');
    expect(h.sentTo(MENTOR, 'decision.ticked')).toHaveLength(1);
  });
});
