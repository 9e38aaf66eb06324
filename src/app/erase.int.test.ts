import { getTableName } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, reports, tables } from '../infra/db/schema';
import { storesOnDb } from '../infra/db/stores';
import { EVERY_COHORT } from './access/reach';
import { eraseStudent } from './privacy/erase';
import { type AppHarness, CONSOLE_TENANT, createAppHarness } from './testing/app-harness';
import {
  COORDINATOR,
  MENTOR,
  OTHER_STUDENT,
  SEEDED_AT,
  STARR_ANSWERS,
  STUDENT,
  STUDENT_NAME,
  TWO_PLACEMENTS,
} from './testing/fixtures';
import { type Finding, scanAllTables, tablesInDatabase } from './testing/scan';

const TALK_NOTE = 'Besproken dat de planning van de ochtendzorg te krap is.';
const FEEDBACK = 'Mooi dat je eerst luisterde; probeer het ook bij de overdracht.';

/**
 * A semester's worth of everything about the student: check-in answers and alerts, a talk
 * note, a digest, a submitted report that the mentor read and answered, an export, an open
 * draft, and a delivery problem after the student's account went away.
 */
async function lotsOfActivity(h: AppHarness): Promise<void> {
  await h.seed(TWO_PLACEMENTS, SEEDED_AT);
  await h.tick(new Date('2027-02-05T12:00:00Z'));
  await h.say(STUDENT, '1', new Date('2027-02-05T12:10:00Z'));
  await h.say(STUDENT, 'Ik heb een overdracht gedaan.', new Date('2027-02-05T12:11:00Z'));
  await h.say(STUDENT, 'ja', new Date('2027-02-05T12:12:00Z'));
  await h.say(STUDENT, 'De werkdruk op de afdeling', new Date('2027-02-05T12:13:00Z'));
  await h.say(MENTOR, 'ja', new Date('2027-02-05T15:00:00Z'));
  await h.say(MENTOR, TALK_NOTE, new Date('2027-02-05T15:01:00Z'));
  for (const day of ['06', '07', '08']) await h.tick(new Date(`2027-02-${day}T09:00:00Z`));

  await h.say(STUDENT, 'start', new Date('2027-02-25T20:00:00Z'));
  for (const [i, answer] of Object.values(STARR_ANSWERS).entries())
    await h.say(STUDENT, answer, new Date(Date.UTC(2027, 1, 25, 20, i + 1)));
  await h.say(STUDENT, 'verstuur', new Date('2027-02-25T20:10:00Z'));
  const [report] = await h.database.db.select().from(reports);
  await h.click(MENTOR, 'reflection.open', report?.id, new Date('2027-02-26T08:00:00Z'));
  await h.click(MENTOR, 'reflection.feedback', report?.id, new Date('2027-02-26T08:05:00Z'), {
    verdict: 'approved',
    feedback: FEEDBACK,
  });
  await h.command(COORDINATOR, `export json ${STUDENT}`, new Date('2027-02-26T09:00:00Z'));
  await h.say(STUDENT, 'start', new Date('2027-03-10T19:00:00Z'));
  await h.say(STUDENT, STARR_ANSWERS.goal, new Date('2027-03-10T19:01:00Z'));

  await h.app.handler.lifecycle({
    type: 'user-gone',
    platform: 'console',
    tenant: CONSOLE_TENANT,
    platformUserId: STUDENT,
  });
  for (const day of ['10', '11', '12']) await h.tick(new Date(`2027-03-${day}T12:00:00Z`));
}

async function needlesFor(h: AppHarness, email: string, name: string): Promise<string[]> {
  return [email, name, await h.personId(email)];
}

describe('erasing a student', () => {
  let h: AppHarness;
  let needles: string[];
  let before: Finding[];
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await lotsOfActivity(h);
    needles = await needlesFor(h, STUDENT, STUDENT_NAME);
    before = await scanAllTables(h.database.db, h.cipher, [...needles, TALK_NOTE, FEEDBACK]);
    const result = await eraseStudent(storesOnDb(h.database.db), STUDENT, {
      actor: 'cli',
      reach: EVERY_COHORT,
      at: new Date('2027-03-15T10:00:00Z'),
    });
    expect(result).toEqual({ ok: true, placements: 1 });
  }, 120_000);
  afterAll(() => h.close());

  it('scans every table that exists in the database', async () => {
    const known = Object.values(tables).map(getTableName).sort();
    expect((await tablesInDatabase(h.database.db)).sort()).toEqual(known);
  });

  it('had the student in every kind of place before (the scan can find them)', () => {
    const places = new Set(before.map((f) => `${f.table}.${f.column}`));
    expect([...places]).toEqual(
      expect.arrayContaining([
        'people.email',
        'identities.personId',
        'placements.studentId',
        'conversations.personId',
        'checkins.mentorNoteEnc',
        'reports.feedbackEnc',
        'outbox.payloadEnc',
        'outbox.subjectId',
        'delivery_problems.key',
        'audit_log.subject',
      ]),
    );
  });

  it('leaves no cell, plain or encrypted, that names the student', async () => {
    expect(await scanAllTables(h.database.db, h.cipher, needles)).toEqual([]);
  });

  it('leaves none of what the student or the mentor wrote about the student', async () => {
    const content = [...Object.values(STARR_ANSWERS), TALK_NOTE, FEEDBACK, 'De werkdruk op de afdeling'];
    expect(await scanAllTables(h.database.db, h.cipher, content)).toEqual([]);
  });

  it('leaves exactly one content-free erase entry in the audit log', async () => {
    const entries = (await h.database.db.select().from(auditLog)).filter((e) => e.action === 'erase');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'cli', subject: 'erased', detail: { placements: 1 } });
  });

  it('keeps the other student and their placement', async () => {
    expect(await h.personId(OTHER_STUDENT)).toBeTruthy();
  });
});

describe('erasing a student with the wis command', () => {
  let h: AppHarness;
  const ERASE_AT = new Date('2027-03-15T10:00:00Z');
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await lotsOfActivity(h);
  }, 120_000);
  afterAll(() => h.close());

  it('refuses a mentor, checked on the authenticated user, and erases nothing', async () => {
    const result = await h.command(MENTOR, `wis ${STUDENT} bevestig`, ERASE_AT);
    expect(result.replies.map((m) => m.key)).toEqual(['command.forbidden']);
    expect(await h.personId(STUDENT)).toBeTruthy();
  });

  it('refuses the student themself', async () => {
    const result = await h.command(STUDENT, `wis ${OTHER_STUDENT} bevestig`, ERASE_AT);
    expect(result.replies.map((m) => m.key)).toEqual(['command.forbidden']);
    expect(await h.personId(OTHER_STUDENT)).toBeTruthy();
  });

  it('erases everything that names the student when a coordinator confirms', async () => {
    const needles = await needlesFor(h, STUDENT, STUDENT_NAME);
    const result = await h.command(COORDINATOR, `wis ${STUDENT} bevestig`, ERASE_AT);
    expect(result.replies.map((m) => m.key)).toEqual(['command.erased']);
    // The confirmation itself names the student; it is shown once, privately, and not stored.
    expect(await scanAllTables(h.database.db, h.cipher, needles)).toEqual([]);
  });

  it('leaves exactly one content-free erase entry, by the coordinator', async () => {
    const entries = (await h.database.db.select().from(auditLog)).filter((e) => e.action === 'erase');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: await h.personId(COORDINATOR), subject: 'erased' });
    expect(JSON.stringify(entries[0]?.detail)).not.toContain('@');
  });
});
