import { eq, getTableColumns, getTableName, inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCipher, isCiphertext } from '../infra/crypto';
import { resealAll } from '../infra/db/reseal';
import { goals, outbox, placements, substitutes, tables } from '../infra/db/schema';
import { SEALED_COLUMNS, sealedAt } from '../infra/db/sealed';
import { storesOnDb } from '../infra/db/stores';
import { EVERY_COHORT } from './access/reach';
import { eraseStudent } from './privacy/erase';
import { queueMessages } from './queue-messages';
import { type AppHarness, createAppHarness, TEST_KEY } from './testing/app-harness';
import { COORDINATOR, MENTOR, ONE_PLACEMENT, SEEDED_AT, STARR_ANSWERS, STUDENT } from './testing/fixtures';
import { scanAllTables } from './testing/scan';

/**
 * Data at rest, proven by walking the schema: every column is classified; every column that
 * holds what a person wrote is sealed (AES-GCM bound to its row, current key); retention and
 * erase leave none of it behind.
 */
type ColumnClass =
  /** Text a person wrote (or a message built from it): must be sealed. */
  | 'sealed'
  /** Who someone is: name, e-mail, platform ids — needed to reach and recognise people. */
  | 'identity'
  /** Keys and references between rows. */
  | 'reference'
  /** Dates, statuses, counts, flags, settings: the record, no free text. */
  | 'record'
  /** Text a coordinator wrote as an instruction to students (an assignment), not about a person. */
  | 'instruction';

/** Every column of every table. The `Record` per table is checked against the live schema below. */
const COLUMN_CLASSES: Record<string, Record<string, ColumnClass>> = {
  people: { id: 'reference', email: 'identity', name: 'identity', locale: 'record', created_at: 'record' },
  identities: {
    person_id: 'reference',
    platform: 'record',
    tenant: 'identity',
    platform_user_id: 'identity',
    status: 'record',
    linked_at: 'record',
  },
  cohorts: {
    id: 'reference',
    name: 'record',
    settings: 'record',
    digest_channel: 'reference',
    created_at: 'record',
  },
  coordinators: { id: 'reference', person_id: 'reference', cohort_id: 'reference' },
  placements: {
    id: 'reference',
    student_id: 'reference',
    cohort_id: 'reference',
    organisation: 'record',
    start_date: 'record',
    end_date: 'record',
    working_days: 'record',
    intro_date: 'record',
    mid_evaluation_date: 'record',
    final_evaluation_date: 'record',
    status: 'record',
    ladder_reset_at: 'record',
    closing_sent_at: 'record',
    substitute_text: 'instruction',
    created_at: 'record',
    updated_at: 'record',
  },
  placement_mentors: { placement_id: 'reference', person_id: 'reference' },
  goals: { id: 'reference', placement_id: 'reference', position: 'record', text: 'sealed' },
  pauses: {
    id: 'reference',
    placement_id: 'reference',
    from_date: 'record',
    until_date: 'record',
    reason: 'sealed',
    created_at: 'record',
  },
  reports: {
    id: 'reference',
    placement_id: 'reference',
    kind: 'record',
    due_date: 'record',
    submitted_at: 'record',
    content_enc: 'sealed',
    needed_nudges: 'record',
    excused: 'record',
    excuse_reason: 'sealed',
    feedback_enc: 'sealed',
    feedback_verdict: 'record',
    feedback_by: 'reference',
    feedback_at: 'record',
  },
  substitutes: {
    key: 'reference',
    placement_id: 'reference',
    text: 'instruction',
    done_at: 'record',
    done_by: 'reference',
    content_enc: 'sealed',
    review_status: 'record',
    reviewed_by: 'reference',
    reviewed_at: 'record',
    review_note_enc: 'sealed',
  },
  checkins: {
    placement_id: 'reference',
    week: 'record',
    sent_at: 'record',
    answered_at: 'record',
    mood_enc: 'sealed',
    learned_enc: 'sealed',
    wants_talk: 'record',
    topic_enc: 'sealed',
    mentor_talk: 'record',
    mentor_note_enc: 'sealed',
    mentor_answered_at: 'record',
  },
  conversations: { person_id: 'reference', kind: 'reference', state_enc: 'sealed', updated_at: 'record' },
  outbox: {
    id: 'reference',
    idempotency_key: 'reference',
    recipient: 'reference',
    subject_id: 'reference',
    mentions: 'reference',
    payload_enc: 'sealed',
    status: 'record',
    attempts: 'record',
    next_attempt_at: 'record',
    claimed_until: 'record',
    claimed_by: 'record',
    conversation_key: 'reference',
    platform_message_id: 'reference',
    parts_sent: 'record',
    last_error: 'record',
    created_at: 'record',
    sent_at: 'record',
  },
  scheduler_runs: {
    job: 'record',
    fire_time: 'record',
    claimed_by: 'record',
    claimed_at: 'record',
    finished_at: 'record',
    summary: 'record',
  },
  seen_inbound: { dedupe_key: 'reference', seen_at: 'record' },
  // The id of the key the data is sealed with (a truncated hash; not secret).
  instance_facts: { name: 'record', value: 'record', recorded_at: 'record' },
  audit_log: {
    id: 'reference',
    at: 'record',
    actor: 'reference',
    action: 'record',
    subject: 'reference',
    detail: 'record',
  },
  conversation_refs: {
    platform: 'record',
    key: 'identity',
    tenant: 'identity',
    email: 'identity',
    ref: 'identity',
    updated_at: 'record',
  },
  delivery_problems: { key: 'reference', reported_at: 'record' },
};

const dbColumns = (table: PgTable) =>
  Object.entries(getTableColumns(table)).map(([property, column]) => ({ property, name: column.name }));

const LEARNED = 'Ik heb zelfstandig een wondverzorging gedaan op kamer twaalf.';
const TOPIC = 'Ik twijfel of deze afdeling bij mij past.';
const NOTE = 'Besproken dat de planning van de ochtendzorg te krap is.';
const FEEDBACK = 'Sterke reflectie, let op concrete voorbeelden.';
const PAUSE_REASON = 'Operatie aan de knie, zes weken herstel.';
const EXCUSE_REASON = 'Opgenomen in het ziekenhuis met longontsteking.';
const GOAL = 'Ik voer een slechtnieuwsgesprek onder begeleiding.';
const SUBSTITUTE_WORK = 'Mijn vervangende opdracht over overdracht en rapportage.';
const SECRETS = [
  SUBSTITUTE_WORK,
  LEARNED,
  TOPIC,
  NOTE,
  FEEDBACK,
  PAUSE_REASON,
  EXCUSE_REASON,
  GOAL,
  STARR_ANSWERS.situation,
];

/** Every kind of thing a person writes, once. */
async function everythingWritten(h: AppHarness): Promise<void> {
  await h.seed(ONE_PLACEMENT, SEEDED_AT);
  await h.tick(new Date('2027-02-05T12:00:00Z'));
  await h.say(STUDENT, '2', new Date('2027-02-05T12:10:00Z'));
  await h.say(STUDENT, LEARNED, new Date('2027-02-05T12:11:00Z'));
  await h.say(STUDENT, 'ja', new Date('2027-02-05T12:12:00Z'));
  await h.say(STUDENT, TOPIC, new Date('2027-02-05T12:13:00Z'));
  await h.say(MENTOR, 'ja', new Date('2027-02-05T15:00:00Z'));
  await h.say(MENTOR, NOTE, new Date('2027-02-05T15:01:00Z'));
  await h.say(STUDENT, `leerdoel ${GOAL}`, new Date('2027-02-06T10:00:00Z'));
  await h.command(
    COORDINATOR,
    `pauzeer ${STUDENT} 2027-04-05 2027-04-09 ${PAUSE_REASON}`,
    new Date('2027-02-06T11:00:00Z'),
  );
  await h.say(STUDENT, 'start', new Date('2027-02-25T20:00:00Z'));
  for (const [i, answer] of Object.values(STARR_ANSWERS).entries())
    await h.say(STUDENT, answer, new Date(Date.UTC(2027, 1, 25, 20, i + 1)));
  await h.say(STUDENT, 'verstuur', new Date('2027-02-25T20:10:00Z'));
  const [report] = await h.database.db.select().from((await import('../infra/db/schema')).reports);
  await h.click(MENTOR, 'reflection.feedback', report?.id, new Date('2027-02-26T08:05:00Z'), {
    verdict: 'approved',
    feedback: FEEDBACK,
  });
  await h.command(
    COORDINATOR,
    `excuseer ${STUDENT} 2027-04-01 ${EXCUSE_REASON}`,
    new Date('2027-02-26T09:00:00Z'),
  );
  await h.say(STUDENT, 'start', new Date('2027-03-10T19:00:00Z'));
  await h.say(STUDENT, STARR_ANSWERS.situation, new Date('2027-03-10T19:01:00Z'));
  // A handed-in substitute assignment takes a missed report and a grace period; the hand-in
  // path itself is covered by substitute-hand-in.int.test.ts. Here it is written the same way.
  const [placement] = await h.database.db.select().from(placements);
  const key = `${placement?.id}:substitute:monthly:2027-03-01`;
  await h.database.db.insert(substitutes).values({
    key,
    placementId: placement?.id ?? '',
    doneAt: new Date('2027-03-12T10:00:00Z'),
    contentEnc: h.cipher.encrypt(SUBSTITUTE_WORK, sealedAt.substituteContent(key)),
    // The coordinator's assessment note (written by the substitute-review use case the same way).
    reviewStatus: 'returned',
    reviewNoteEnc: h.cipher.encrypt('Werk de reflectie nog wat uit', sealedAt.substituteReviewNote(key)),
  });
}

describe('the schema, walked', () => {
  it('classifies every column of every table (a new column must be classified to pass)', () => {
    for (const table of Object.values(tables)) {
      const name = getTableName(table);
      expect(Object.keys(COLUMN_CLASSES[name] ?? {}).sort(), name).toEqual(
        dbColumns(table)
          .map((c) => c.name)
          .sort(),
      );
    }
    expect(Object.keys(COLUMN_CLASSES).sort()).toEqual(Object.values(tables).map(getTableName).sort());
  });

  it('seals exactly the columns classified as text a person wrote', () => {
    const sealed = Object.entries(COLUMN_CLASSES).flatMap(([table, columns]) =>
      Object.entries(columns)
        .filter(([, kind]) => kind === 'sealed')
        .map(([column]) => `${table}.${column}`),
    );
    const declared = SEALED_COLUMNS.map((entry) => `${getTableName(entry.table)}.${entry.column}`);
    expect(declared.sort()).toEqual(sealed.sort());
  });
});

describe('what people write, at rest', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await everythingWritten(h);
  }, 180_000);
  afterAll(() => h.close());

  it('is sealed in every sealed column, bound to its row, with the current key', async () => {
    let checked = 0;
    const empty: string[] = [];
    for (const entry of SEALED_COLUMNS) {
      const rows = (await h.database.db.select().from(entry.table)) as Record<string, unknown>[];
      const values = rows.filter((row) => row[entry.property] !== null);
      if (values.length === 0) empty.push(`${getTableName(entry.table)}.${entry.column}`);
      for (const row of values) {
        const value = String(row[entry.property]);
        expect(h.cipher.isCurrent(value), `${entry.column}: ${value.slice(0, 12)}`).toBe(true);
        expect(() => h.cipher.decrypt(value, entry.where(row))).not.toThrow();
        checked++;
      }
    }
    console.log(`data at rest: ${checked} sealed values checked in ${SEALED_COLUMNS.length} columns`);
    // The walk means something only if every sealed column was actually written to.
    expect(empty).toEqual([]);
  });

  it('leaves no plain-text copy of anything a person wrote in any column', async () => {
    const blind = { ...h.cipher, decrypt: (value: string) => value };
    expect(await scanAllTables(h.database.db, blind, SECRETS)).toEqual([]);
  });

  it('keeps learning goals sealed (they were stored in plain text)', async () => {
    const rows = await h.database.db.select().from(goals);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => isCiphertext(row.text))).toBe(true);
  });
});

describe('rotate-key and values from before', () => {
  it('seals plain goals and re-seals v1 and old-key values; a second run changes nothing', async () => {
    const h = await createAppHarness({ start: SEEDED_AT });
    try {
      await everythingWritten(h);
      const [placement] = await h.database.db.select().from(placements);
      await h.database.db
        .insert(goals)
        .values({ placementId: placement?.id ?? '', position: 7, text: 'Oud leerdoel' });
      const NEW_KEY = Buffer.alloc(32, 99);
      const rotating = createCipher(NEW_KEY, [TEST_KEY]);
      const first = await resealAll(h.database.db, rotating);
      const total = (key: 'sealed' | 'resealed') => first.reduce((n, c) => n + c[key], 0);
      expect(total('sealed')).toBe(1);
      expect(total('resealed')).toBeGreaterThan(10);
      const again = await resealAll(h.database.db, rotating);
      expect(again.reduce((n, c) => n + c.sealed + c.resealed, 0)).toBe(0);
      // The new key alone now opens everything.
      const onlyNew = createCipher(NEW_KEY);
      for (const entry of SEALED_COLUMNS) {
        const rows = (await h.database.db.select().from(entry.table)) as Record<string, unknown>[];
        for (const row of rows.filter((r) => r[entry.property] !== null))
          expect(() => onlyNew.decrypt(String(row[entry.property]), entry.where(row))).not.toThrow();
      }
    } finally {
      await h.close();
    }
  }, 180_000);
});

describe('retention, on a virtual clock', () => {
  it('purges every sealed column of a placement once it is past retention, and nothing earlier', async () => {
    const h = await createAppHarness({ start: SEEDED_AT });
    try {
      await everythingWritten(h);
      const [placement] = await h.database.db.select().from(placements);
      const id = placement?.id ?? '';
      const remaining = async () => {
        let n = 0;
        for (const entry of SEALED_COLUMNS) {
          if (entry.table === outbox) continue; // messages, pruned on their own schedule
          const rows = (await h.database.db.select().from(entry.table)) as Record<string, unknown>[];
          // Conversation state counts too: a mentor's talk question (`mentor-talk:<placement>`)
          // holds the mentor's note in its state.
          n += rows.filter((row) => row[entry.property] !== null && JSON.stringify(row).includes(id)).length;
        }
        return n;
      };
      // Ends 2027-06-30; retention 12 months: still there in May 2028, gone in August 2028.
      await h.tick(new Date('2028-05-15T03:30:00Z'));
      expect(await remaining()).toBeGreaterThan(0);
      await h.tick(new Date('2028-08-02T03:30:00Z'));
      expect(await remaining()).toBe(0);
      expect(await h.database.db.select().from(goals).where(eq(goals.placementId, id))).toEqual([]);
    } finally {
      await h.close();
    }
  }, 180_000);
});

describe('erase finds messages by id, never by name', () => {
  it('keeps a message about another student who has the same name, and drops one that mentions the erased student', async () => {
    const h = await createAppHarness({ start: SEEDED_AT });
    try {
      const header = ONE_PLACEMENT.split('\n')[0];
      await h.seed(
        `${header}\nsam@school.nl,Sam de Vries,mira@zorg.nl,Mira,2027-02-01,2027-06-30,coord@school.nl,Cor,Zorg 2027\nsam2@school.nl,Sam de Vries,mira@zorg.nl,Mira,2027-02-01,2027-06-30,coord@school.nl,Cor,Zorg 2027\n`,
        SEEDED_AT,
      );
      const erased = await h.personId('sam@school.nl');
      const other = await h.personId('sam2@school.nl');
      const mentor = await h.personId('mira@zorg.nl');
      const note = (text: string) => ({
        key: 'test',
        summary: text,
        blocks: [{ type: 'text' as const, text }],
      });
      await queueMessages(
        h.stores.outbox,
        [
          {
            key: 'about-other',
            to: { kind: 'person', personId: mentor },
            message: note('Sam de Vries heeft ingeleverd'),
            subjectId: other,
          },
          {
            key: 'digest-naming',
            to: { kind: 'person', personId: mentor },
            message: note('Overzicht: Sam de Vries'),
            mentions: [erased ?? ''],
          },
        ],
        SEEDED_AT,
      );
      await eraseStudent(storesOnDb(h.database.db), 'sam@school.nl', {
        actor: 'cli',
        reach: EVERY_COHORT,
        at: SEEDED_AT,
      });
      const keys = (
        await h.database.db
          .select({ key: outbox.idempotencyKey })
          .from(outbox)
          .where(inArray(outbox.idempotencyKey, ['about-other', 'digest-naming']))
      ).map((row) => row.key);
      expect(keys).toEqual(['about-other']);
    } finally {
      await h.close();
    }
  }, 60_000);
});

describe('learning goals stored in plain text by an earlier version', () => {
  it('are sealed when the runtime starts, and read back the same', async () => {
    const { openTestDatabase } = await import('../infra/db/test-database');
    const { createRuntime } = await import('../main');
    const { loadConfig } = await import('../config');
    const { silentLogger } = await import('../infra/logging');
    const { openGoals } = await import('../infra/db/repositories/goals');
    const database = await openTestDatabase();
    try {
      await database.migrate();
      const h = await createAppHarness({ start: SEEDED_AT, database });
      await h.seed(ONE_PLACEMENT, SEEDED_AT);
      const [placement] = await database.db.select().from(placements);
      await database.db
        .insert(goals)
        .values({ placementId: placement?.id ?? '', position: 0, text: 'Oud leerdoel' });
      await h.close();
      const runtime = await createRuntime({
        config: loadConfig({ STAGECOACH_ENCRYPTION_KEY: TEST_KEY.toString('base64'), LOG_LEVEL: 'silent' }),
        logger: silentLogger,
        database,
      });
      const rows = await database.db.select().from(goals);
      expect(rows.map((row) => isCiphertext(row.text))).toEqual([true]);
      expect(openGoals(runtime.cipher, rows)).toEqual(['Oud leerdoel']);
    } finally {
      await database.close();
    }
  }, 120_000);
});
