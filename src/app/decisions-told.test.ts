import { beforeAll, describe, expect, it } from 'vitest';
import { COORDINATOR, MENTOR, STUDENT, STUDENT_NAME } from './testing/fixtures';
import { createMemoryHarness, type MemoryHarness, ONE_PLACEMENT_INPUT } from './testing/memory-harness';
import { textOf } from './testing/text-of';

const PAUSED_AT = new Date('2027-03-01T09:00:00Z');

describe('coordinator decisions are told to the student and the mentor (on the store fakes)', () => {
  let h: MemoryHarness;
  beforeAll(async () => {
    h = createMemoryHarness();
    await h.seed(ONE_PLACEMENT_INPUT);
    await h.command(COORDINATOR, `pauzeer ${STUDENT} 2027-03-01 2027-03-14 ziek`, PAUSED_AT);
  });

  it('tells the student and the mentor of a pause in one message each, without the reason', () => {
    const toStudent = h.queuedFor(STUDENT, 'decision.');
    const toMentor = h.queuedFor(MENTOR, 'decision.');

    expect(toStudent.map((m) => m.key)).toEqual(['decision.paused']);
    expect(toMentor.map((m) => m.key)).toEqual(['decision.paused']);
    expect(textOf(toStudent[0]!)).toContain('maandag 1 maart');
    expect(textOf(toMentor[0]!)).toContain(STUDENT_NAME);
    expect(JSON.stringify([...toStudent, ...toMentor])).not.toContain('ziek');
  });

  it('tells both of an excused report', async () => {
    await h.command(COORDINATOR, `excuseer ${STUDENT} 2027-04-01 ziek`, new Date('2027-03-09T09:00:00Z'));

    const [toStudent] = h.queuedFor(STUDENT, 'decision.excused');
    expect(toStudent && textOf(toStudent)).toContain('reflectieverslag over maart');
    expect(h.queuedFor(MENTOR, 'decision.excused')).toHaveLength(1);
  });

  it('tells both of a reset after review', async () => {
    await h.command(COORDINATOR, `reset ${STUDENT}`, new Date('2027-03-10T09:00:00Z'));

    expect(h.queuedFor(STUDENT, 'decision.reset')).toHaveLength(1);
    expect(h.queuedFor(MENTOR, 'decision.reset')).toHaveLength(1);
  });
});
