import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, createAppHarness, textOf } from './testing/app-harness';
import { COORDINATOR, HEADER, MENTOR, SEEDED_AT, STUDENT, STUDENT_NAME } from './testing/fixtures';

// A short placement, February and March 2027: the report about February (due 1 March) is never
// handed in, so it is still owed when the placement ends on Wednesday 31 March.
const SHORT_PLACEMENT = `${HEADER}
${STUDENT},${STUDENT_NAME},${MENTOR},Mira Mentor,2027-02-01,2027-03-31,${COORDINATOR},Cor Coördinator,Zorg 2027
`;
const DAY_MS = 86_400_000;
const FIRST_TICK = new Date('2027-02-20T12:00:00Z');
const LAST_TICK = new Date('2027-06-30T12:00:00Z');
const END_OF_PLACEMENT = new Date('2027-03-31T22:00:00Z'); // midnight after 31 March, Amsterdam

describe('a placement that has ended', () => {
  let h: AppHarness;
  let sentBeforeEnd: number;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(SHORT_PLACEMENT, SEEDED_AT);
    for (let at = FIRST_TICK; at <= LAST_TICK; at = new Date(at.getTime() + DAY_MS)) {
      await h.tick(at);
      if (at.getTime() < END_OF_PLACEMENT.getTime()) sentBeforeEnd = h.sent.length;
    }
  }, 240_000);
  afterAll(() => h.close());

  it('sends the student exactly one closing message after the end, and nothing else', () => {
    const afterEnd = h.sent.slice(sentBeforeEnd).filter((d) => d.to === STUDENT);

    expect(afterEnd.map((d) => d.message.key)).toEqual(['closing.student']);
    const closing = afterEnd[0]?.message;
    expect(closing && textOf(closing)).toContain('reflectieverslag over februari');
    expect(closing && textOf(closing)).toContain('Cor Coördinator');
  });

  it('hands what is still owed to the coordinator, once', () => {
    const notes = h.sentTo(COORDINATOR, 'closing.coordinator');

    expect(notes).toHaveLength(1);
    expect(notes[0] && textOf(notes[0])).toContain('reflectieverslag over februari');
  });

  it('mentions the placement in one more digest, then leaves it out', () => {
    const digests = h.sentTo(MENTOR, 'digest.mentor').map(textOf);
    const mentioning = digests.filter((d) => d.includes(STUDENT_NAME));
    const lastMention = mentioning.at(-1) ?? '';

    expect(lastMention).toContain('afgerond (laatste vermelding)');
    expect(mentioning.filter((d) => d.includes('laatste vermelding'))).toHaveLength(1);
    expect(digests.at(-1)).toBe(lastMention);
    expect(digests.length).toBeGreaterThan(mentioning.length - 1);
  });
});
