import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, createAppHarness, textOf } from './testing/app-harness';
import { COORDINATOR, MENTOR, ONE_PLACEMENT, SEEDED_AT, STUDENT } from './testing/fixtures';

const PAUSED_AT = new Date('2027-03-01T09:00:00Z');
// Monday 8 March 2027, 08:30 Amsterdam: the weekly digest, inside the pause.
const DIGEST_AT = new Date('2027-03-08T07:30:00Z');

// Pause, excuse and reset are told on the store fakes: decisions-told.test.ts.
describe('a paused placement in the digest', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    await h.command(COORDINATOR, `pauzeer ${STUDENT} 2027-03-01 2027-03-14 ziek`, PAUSED_AT);
  });
  afterAll(() => h.close());

  it('shows the paused placement as paused in the digest', async () => {
    await h.tick(DIGEST_AT);

    const digest = h.sentTo(MENTOR, 'digest.mentor').map(textOf).join('\n');
    expect(digest).toContain('gepauzeerd');
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
