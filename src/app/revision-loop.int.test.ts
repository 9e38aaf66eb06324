import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../infra/db/schema';
import { sealedAt } from '../infra/db/sealed';
import { type AppHarness, createAppHarness, textOf } from './testing/app-harness';
import { COORDINATOR, MENTOR, ONE_PLACEMENT, SEEDED_AT, STARR_ANSWERS, STUDENT } from './testing/fixtures';

/** `minutes` after `at`: acts in a conversation follow each other. */
const later = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

const WRITTEN_AT = new Date('2027-02-24T10:00:00Z');
const FEEDBACK_AT = new Date('2027-02-25T08:00:00Z');
const REVISED_AT = new Date('2027-02-26T10:00:00Z');
const FEEDBACK_TEXT = 'Mooi begin. Vertel bij de actie meer over wat je zelf voelde.';
const BETTER_ACTION =
  'Ik ben naast het bed gaan zitten en merkte dat ik gespannen was; ik heb dat uitgesproken en rustig gevraagd wat ze nodig had.';

async function writeFebruaryReport(h: AppHarness, at: Date): Promise<void> {
  const answers = Object.values(STARR_ANSWERS);
  await h.say(STUDENT, 'start', at);
  for (const [index, text] of answers.entries()) await h.say(STUDENT, text, later(at, index + 1));
  await h.say(STUDENT, 'verstuur', later(at, answers.length + 1));
}

const reportRow = async (h: AppHarness) => (await h.database.db.select().from(reports))[0];

describe('"graag aanvullen" opens a revision loop that ends in approval', () => {
  let h: AppHarness;
  let reportId: string;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    await writeFebruaryReport(h, WRITTEN_AT);
    reportId = (await reportRow(h))?.id ?? '';
    await h.click(MENTOR, 'reflection.feedback', reportId, FEEDBACK_AT, {
      verdict: 'needs-more',
      feedback: FEEDBACK_TEXT,
    });
  });
  afterAll(() => h.close());

  it('reopens the report on start, with the mentor feedback above the summary', async () => {
    await h.say(STUDENT, 'start', REVISED_AT);

    const summary = h.sentTo(STUDENT).at(-1);
    expect(summary?.key).toBe('starr.summary');
    expect(summary && textOf(summary)).toContain(FEEDBACK_TEXT);
    expect(summary && textOf(summary)).toContain(STARR_ANSWERS.situation);
  });

  it('sends the revision back to the mentor, who is told again', async () => {
    const noticesBefore = h.sentTo(MENTOR, 'feedback.notice').length;

    await h.say(STUDENT, 'wijzig 4', later(REVISED_AT, 1));
    await h.say(STUDENT, BETTER_ACTION, later(REVISED_AT, 2));
    await h.say(STUDENT, 'verstuur', later(REVISED_AT, 3));

    const row = await reportRow(h);
    expect(
      h.cipher.decryptJson<Record<string, string>>(
        row?.contentEnc ?? '',
        sealedAt.reportContent(row?.id ?? ''),
      ).action,
    ).toBe(BETTER_ACTION);
    expect(row?.feedbackVerdict).toBeNull();
    expect(row?.submittedAt).toEqual(later(WRITTEN_AT, 7));
    expect(h.sentTo(MENTOR, 'feedback.notice')).toHaveLength(noticesBefore + 1);
  });

  it('ends in approval, after which start has nothing open for that report', async () => {
    await h.click(MENTOR, 'reflection.feedback', reportId, later(REVISED_AT, 60), { verdict: 'approved' });
    await h.say(STUDENT, 'start', later(REVISED_AT, 61));

    expect((await reportRow(h))?.feedbackVerdict).toBe('approved');
    expect(h.sentTo(STUDENT, 'feedback.student').map(textOf).at(-1)).toContain('akkoord');
    expect(h.sentTo(STUDENT).at(-1)?.key).toBe('starr.none');
  });
});

describe('a mentor can change a verdict until the student has revised', () => {
  let h: AppHarness;
  let reportId: string;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    await writeFebruaryReport(h, WRITTEN_AT);
    reportId = (await reportRow(h))?.id ?? '';
    await h.click(MENTOR, 'reflection.feedback', reportId, FEEDBACK_AT, { verdict: 'needs-more' });
  });
  afterAll(() => h.close());

  it('keeps the feedback form open, showing the verdict given', async () => {
    const opened = await h.click(MENTOR, 'reflection.open', reportId, later(FEEDBACK_AT, 5));

    expect(opened.view?.form?.submitActionId).toBe('reflection.feedback');
    expect(opened.view && textOf(opened.view)).toContain('Je gaf eerder: Graag aanvullen');
  });

  it('changes needs-more into approved and tells the student', async () => {
    const result = await h.click(MENTOR, 'reflection.feedback', reportId, later(FEEDBACK_AT, 6), {
      verdict: 'approved',
    });

    expect((await reportRow(h))?.feedbackVerdict).toBe('approved');
    expect(result.replies).toEqual([]);
    expect(h.sentTo(STUDENT, 'feedback.student').map(textOf).at(-1)).toContain('heeft het oordeel gewijzigd');
  });
});

describe('the digest and the overview show where the feedback loop stands', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    await writeFebruaryReport(h, WRITTEN_AT);
    const reportId = (await reportRow(h))?.id ?? '';
    await h.click(MENTOR, 'reflection.feedback', reportId, FEEDBACK_AT, { verdict: 'needs-more' });
  });
  afterAll(() => h.close());

  it('shows the digest and the overview that the report waits for the student', async () => {
    await h.tick(new Date('2027-03-01T07:30:00Z'));
    const digest = h.sentTo(MENTOR, 'digest.mentor').map(textOf).join('\n');
    const overview = await h.command(COORDINATOR, 'overzicht', later(FEEDBACK_AT, 1));

    expect(digest).toContain('Wacht op aanvulling');
    expect(digest).not.toContain('Wacht op feedback');
    expect(overview.replies.map(textOf).join('\n')).toContain('Wacht op aanvulling: 1');
  });
});
