import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../infra/db/schema';
import { storesOnDb } from '../infra/db/stores';
import { type ExportDocument, exportPlacements, exportToCsv } from './privacy/export';
import { type AppHarness, createAppHarness } from './testing/app-harness';
import { exportDocumentSchema } from './testing/export-schema';
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

const FRIDAY_1300 = new Date('2027-02-05T12:00:00Z');
const SUBMITTED = new Date('2027-02-25T20:07:00Z');
const EXPORTED = new Date('2027-03-02T10:00:00Z');
const LEARNED = 'Ik heb geleerd hoe ik een overdracht kort en volledig houd.';
const PRIVATE_CHECKIN = {
  mood: null,
  learned: null,
  wantsTalk: null,
  topic: null,
  mentorTalk: null,
  mentorNote: null,
};

describe('exporting placements', () => {
  let h: AppHarness;
  let document: ExportDocument;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(TWO_PLACEMENTS, SEEDED_AT);
    await h.tick(FRIDAY_1300);
    await h.say(STUDENT, '4', new Date('2027-02-05T12:30:00Z'));
    await h.say(STUDENT, LEARNED, new Date('2027-02-05T12:31:00Z'));
    await h.say(STUDENT, 'nee', new Date('2027-02-05T12:32:00Z'));
    await h.say(STUDENT, 'start', new Date('2027-02-25T20:00:00Z'));
    for (const [i, answer] of Object.values(STARR_ANSWERS).entries())
      await h.say(STUDENT, answer, new Date(Date.UTC(2027, 1, 25, 20, i + 1)));
    await h.say(STUDENT, 'verstuur', SUBMITTED);
    const result = await exportPlacements(
      storesOnDb(h.database.db, h.cipher),
      {},
      { actor: 'cli', at: EXPORTED },
    );
    if (!result.ok) throw new Error(result.error);
    document = result.document;
  });
  afterAll(() => h.close());

  it('has exactly the documented shape (README, "Export")', () => {
    const parsed = exportDocumentSchema.safeParse(JSON.parse(JSON.stringify(document)));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(document.exportedAt).toBe(EXPORTED.toISOString());
  });

  it('contains the decrypted STARR answers with the submit time', () => {
    const sam = document.placements.find((p) => p.student.email === STUDENT);
    const march = sam?.reports.find((r) => r.dueDate === '2027-03-01');
    expect(march).toEqual({
      kind: 'monthly',
      dueDate: '2027-03-01',
      status: 'submitted',
      submittedAt: SUBMITTED.toISOString(),
      starr: STARR_ANSWERS,
    });
  });

  it('leaves moods and check-in text out of a cohort export', () => {
    const sam = document.placements.find((p) => p.student.email === STUDENT);
    const noa = document.placements.find((p) => p.student.email === OTHER_STUDENT);
    expect(document.checkinContent).toBe('left-out');
    expect(sam?.checkins).toEqual([{ week: '2027-W05', answeredAt: expect.any(String), ...PRIVATE_CHECKIN }]);
    expect(noa?.checkins).toEqual([{ week: '2027-W05', answeredAt: null, ...PRIVATE_CHECKIN }]);
    expect(JSON.stringify(document)).not.toContain(LEARNED);
  });

  it('includes them when asked explicitly, and audit-logs that export as such', async () => {
    const result = await exportPlacements(
      storesOnDb(h.database.db, h.cipher),
      { cohort: 'Zorg 2027' },
      { actor: 'privacy-test', at: EXPORTED, includeCheckinContent: true },
    );

    const sam = result.ok ? result.document.placements.find((p) => p.student.email === STUDENT) : undefined;
    expect(sam?.checkins[0]).toMatchObject({ mood: 4, learned: LEARNED, wantsTalk: false });
    const logged = await h.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'export.checkin-content'));
    expect(logged).toHaveLength(2);
  });

  it('keeps a student export complete: the access request gets everything', async () => {
    const result = await exportPlacements(
      storesOnDb(h.database.db, h.cipher),
      { student: STUDENT },
      { actor: 'privacy-test', at: EXPORTED },
    );

    expect(result.ok && result.document.checkinContent).toBe('included');
    expect(result.ok && result.document.placements[0]?.checkins[0]).toMatchObject({
      mood: 4,
      learned: LEARNED,
    });
  });

  it('names the student, mentors and cohort', () => {
    const sam = document.placements.find((p) => p.student.email === STUDENT);
    expect(sam).toMatchObject({
      student: { email: STUDENT, name: STUDENT_NAME },
      mentors: [{ email: MENTOR }],
      cohort: 'Zorg 2027',
      status: 'active',
      startDate: '2027-02-01',
      endDate: '2027-06-30',
      missCount: 0,
    });
  });

  it('writes CSV that parses back to one row per report with the same values', () => {
    const rows = parse(exportToCsv(document), { columns: true }) as Record<string, string>[];
    const reportCount = document.placements.reduce((n, p) => n + Math.max(1, p.reports.length), 0);
    expect(rows).toHaveLength(reportCount);
    const samMarch = rows.find((r) => r.student_email === STUDENT && r.report_due_date === '2027-03-01');
    expect(samMarch).toMatchObject({
      student_name: STUDENT_NAME,
      mentor_emails: MENTOR,
      cohort: 'Zorg 2027',
      report_kind: 'monthly',
      report_status: 'submitted',
      submitted_at: SUBMITTED.toISOString(),
      ...STARR_ANSWERS,
      checkins_answered: '1',
      checkins_sent: '1',
    });
  });

  it('writes one content-free audit entry per exported student', async () => {
    const entries = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export'), eq(auditLog.actor, 'cli')));
    const subjects = entries.map((e) => e.subject).sort();
    expect(subjects).toEqual([await h.personId(STUDENT), await h.personId(OTHER_STUDENT)].sort());
    expect(JSON.stringify(entries)).not.toContain(STARR_ANSWERS.situation);
  });

  it('sends a coordinator the export privately through the export command', async () => {
    const before = h.sentTo(COORDINATOR, 'command.export').length;
    await h.command(COORDINATOR, `export json ${STUDENT}`, EXPORTED);
    const [message] = h.sentTo(COORDINATOR, 'command.export').slice(before);
    const quote = message?.blocks.find((b) => b.type === 'quote');
    const parsed = exportDocumentSchema.parse(JSON.parse(quote?.type === 'quote' ? quote.text : '{}'));
    expect(parsed.placements.map((p) => p.student.email)).toEqual([STUDENT]);
  });
});
