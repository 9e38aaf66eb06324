import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../infra/db/client';
import { checkins, conversations, reports } from '../infra/db/schema';
import { openCell } from '../infra/db/sealed';
import { type AppHarness, createAppHarness } from './testing/app-harness';
import { MENTOR, ONE_PLACEMENT, SEEDED_AT, STARR_ANSWERS, STUDENT } from './testing/fixtures';
import { scanAllTables } from './testing/scan';

const LEARNED = 'Ik heb vandaag zelfstandig een wondverzorging uitgevoerd bij kamer twaalf.';
const TOPIC = 'Ik twijfel of deze afdeling wel bij mij past.';
const MENTOR_NOTE = 'We hebben het gehad over haar twijfels bij de afdeling.';
const FEEDBACK = 'Sterke reflectie; let bij de volgende op concrete voorbeelden.';
const DRAFT_SITUATION =
  'Tijdens de avonddienst viel een collega uit en moest ik de medicatieronde deels alleen doen.';
/** Mood 2: the stored value must not read "2" anywhere. */
const MOOD = '2';

/** Raw SQL, no drizzle mapping: what a database administrator or a backup would see. */
async function rawColumn(db: Db, table: string, column: string): Promise<string[]> {
  const result = (await db.execute(
    sql.raw(`select ${column} as value from ${table} where ${column} is not null`),
  )) as unknown as { rows?: { value: string }[] } | { value: string }[];
  const rows = Array.isArray(result) ? result : (result.rows ?? []);
  return rows.map((row) => String(row.value));
}

/** The current format: `v2.<keyId>.<iv>.<tag>.<body>` with a 96-bit IV and a 128-bit tag. */
const CIPHERTEXT = /^v2\.[\w-]{8}\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/;

describe('content at rest', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(ONE_PLACEMENT, SEEDED_AT);
    await h.tick(new Date('2027-02-05T12:00:00Z'));
    await h.say(STUDENT, MOOD, new Date('2027-02-05T12:10:00Z'));
    await h.say(STUDENT, LEARNED, new Date('2027-02-05T12:11:00Z'));
    await h.say(STUDENT, 'ja', new Date('2027-02-05T12:12:00Z'));
    await h.say(STUDENT, TOPIC, new Date('2027-02-05T12:13:00Z'));
    await h.say(MENTOR, 'ja', new Date('2027-02-05T15:00:00Z'));
    await h.say(MENTOR, MENTOR_NOTE, new Date('2027-02-05T15:01:00Z'));
    await h.say(STUDENT, 'start', new Date('2027-02-25T20:00:00Z'));
    for (const [i, answer] of Object.values(STARR_ANSWERS).entries())
      await h.say(STUDENT, answer, new Date(Date.UTC(2027, 1, 25, 20, i + 1)));
    await h.say(STUDENT, 'verstuur', new Date('2027-02-25T20:10:00Z'));
    const [report] = await rawColumn(h.database.db, 'reports', 'id');
    await h.click(MENTOR, 'reflection.feedback', report, new Date('2027-02-26T08:05:00Z'), {
      verdict: 'approved',
      feedback: FEEDBACK,
    });
    // An open draft for the next report: its state sits in conversations.state_enc.
    await h.say(STUDENT, 'start', new Date('2027-03-10T19:00:00Z'));
    await h.say(STUDENT, STARR_ANSWERS.goal, new Date('2027-03-10T19:01:00Z'));
    await h.say(STUDENT, DRAFT_SITUATION, new Date('2027-03-10T19:02:00Z'));
  });
  afterAll(() => h.close());

  const columns = [
    ['reports', 'content_enc'],
    ['reports', 'feedback_enc'],
    ['checkins', 'mood_enc'],
    ['checkins', 'learned_enc'],
    ['checkins', 'topic_enc'],
    ['checkins', 'mentor_note_enc'],
    ['conversations', 'state_enc'],
    ['outbox', 'payload_enc'],
  ] as const;

  it.each(columns)('%s.%s holds only ciphertext', async (table, column) => {
    const values = await rawColumn(h.database.db, table, column);
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((value) => !CIPHERTEXT.test(value))).toEqual([]);
  });

  it('stores no answer, note or feedback in plain text in any table', async () => {
    const { goal: _goal, ...reflection } = STARR_ANSWERS; // a named goal becomes a placement goal
    const secrets = [...Object.values(reflection), LEARNED, TOPIC, MENTOR_NOTE, FEEDBACK, DRAFT_SITUATION];
    // A cipher that decrypts nothing: only plain text is searched.
    const blind = { ...h.cipher, decrypt: (value: string) => value };
    expect(await scanAllTables(h.database.db, blind, secrets)).toEqual([]);
  });

  it('can read everything back with the key', async () => {
    const [report] = await h.database.db.select().from(reports);
    const answered = (await h.database.db.select().from(checkins)).find((row) => row.moodEnc);
    const drafts = await h.database.db.select().from(conversations);
    expect(JSON.parse(openCell(h.cipher, reports, 'contentEnc', report))).toEqual(STARR_ANSWERS);
    expect(openCell(h.cipher, checkins, 'moodEnc', answered)).toBe(MOOD);
    expect(
      drafts.some((row) => openCell(h.cipher, conversations, 'stateEnc', row).includes(DRAFT_SITUATION)),
    ).toBe(true);
  });
});
