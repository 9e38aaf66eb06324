import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Message } from '../core/messages/model';
import { type AppHarness, createAppHarness } from './testing/app-harness';
import { COORDINATOR, MENTOR, SEEDED_AT, STUDENT, STUDENT_NAME, TWO_PLACEMENTS } from './testing/fixtures';

const MARCH = new Date('2027-03-10T10:00:00Z');

function fieldsOf(message: Message): Array<{ label: string; value: string }> {
  return message.blocks.flatMap((block: Block) => (block.type === 'fields' ? [...block.fields] : []));
}

describe('a person’s own overview (mijn / App Home)', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(TWO_PLACEMENTS, SEEDED_AT);
    // Sam's February report (due Monday 1 March) was never handed in.
    await h.tick(new Date('2027-03-02T08:00:00Z'));
  });
  afterAll(() => h.close());

  const homeOf = (email: string) =>
    h.app.handler.home({ platform: 'console', tenant: 'console', platformUserId: email, email }, MARCH);

  it('shows a student the next report, what is still owed and the ladder step', async () => {
    const fields = fieldsOf(await homeOf(STUDENT));

    expect(fields.find((f) => f.label === 'Volgend verslag')?.value).toContain('1 april');
    expect(fields.find((f) => f.label === 'Nog in te leveren')?.value).toContain('februari');
    expect(fields.find((f) => f.label === 'Stap op de ladder')?.value).toBe('1');
  });

  it('shows a mentor their students', async () => {
    const fields = fieldsOf(await homeOf(MENTOR));

    expect(fields.map((f) => `${f.label}: ${f.value}`).join('\n')).toContain(STUDENT_NAME);
  });

  it('shows a coordinator the cohort at a glance, as counts', async () => {
    const fields = fieldsOf(await homeOf(COORDINATOR));

    expect(fields).toContainEqual({
      label: 'Je coördineert: Zorg 2027',
      value: '2 lopend · 2 met achterstand · 0 onvoldoende',
    });
  });

  it('tells someone unknown to ask their coordinator', async () => {
    const message = await h.app.handler.home(
      { platform: 'console', tenant: 'console', platformUserId: 'x', email: 'nobody@school.nl' },
      MARCH,
    );
    expect(message.key).toBe('unknown.person');
  });
});
