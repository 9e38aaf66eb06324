import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { outbox } from '../db/schema';
import { openCell } from '../db/sealed';
import { openTestDatabase } from '../db/test-database';
import { enqueue, enqueueMany, type OutboxItem, pruneDelivered } from './enqueue';
import { message, testCipher } from './test-support';

const at = new Date('2026-03-06T12:00:00Z');

const item = (key: string, personId = 'p1'): OutboxItem => ({
  key,
  to: { kind: 'person', personId },
  message: message(key, 'Hoe was je week? Geheime inhoud'),
  subjectId: personId,
  notBefore: at,
  at,
});

describe('the outbox enqueue', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await database.db.delete(outbox);
  });

  it('stores one row when the same idempotency key is enqueued twice', async () => {
    const first = await enqueue(database.db, testCipher, item('checkin:pl1:2026-W10'));
    const second = await enqueue(database.db, testCipher, item('checkin:pl1:2026-W10'));

    const rows = await database.db.select().from(outbox);
    expect([first, second]).toEqual([true, false]);
    expect(rows).toHaveLength(1);
  });

  it('keeps the message body out of the payload column', async () => {
    await enqueue(database.db, testCipher, item('secret'));

    const [row] = await database.db.select().from(outbox);
    expect(row?.payloadEnc).not.toContain('Geheime');
    expect(
      (JSON.parse(openCell(testCipher, outbox, 'payloadEnc', row)) as { summary: string }).summary,
    ).toContain('Geheime');
  });

  it('records the recipient as the conversation key and the subject for erasure', async () => {
    await enqueue(database.db, testCipher, item('k', 'student-7'));

    const [row] = await database.db.select().from(outbox);
    expect(row).toMatchObject({
      conversationKey: 'person:student-7',
      subjectId: 'student-7',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      createdAt: at,
    });
  });

  it('enqueues many in input order and reports which were new', async () => {
    await enqueue(database.db, testCipher, item('b'));

    const fresh = await enqueueMany(database.db, testCipher, [item('a'), item('b'), item('c'), item('a')]);

    const rows = await database.db.select().from(outbox).orderBy(outbox.id);
    expect(fresh).toEqual([true, false, true, false]);
    expect(rows.map((row) => row.idempotencyKey)).toEqual(['b', 'a', 'c']);
  });

  it('commits nothing when the surrounding transaction rolls back', async () => {
    await database.db
      .transaction(async (tx) => {
        await enqueue(tx, testCipher, item('rolled-back'));
        throw new Error('use case failed');
      })
      .catch(() => undefined);

    const rows = await database.db.select().from(outbox).where(eq(outbox.idempotencyKey, 'rolled-back'));
    expect(rows).toEqual([]);
  });

  it('prunes delivered rows older than the cut-off but never pending ones', async () => {
    await enqueueMany(database.db, testCipher, [item('sent'), item('failed'), item('pending')]);
    await database.db.update(outbox).set({ status: 'sent' }).where(eq(outbox.idempotencyKey, 'sent'));
    await database.db.update(outbox).set({ status: 'failed' }).where(eq(outbox.idempotencyKey, 'failed'));

    const deleted = await pruneDelivered(database.db, new Date(at.getTime() + 1));

    const rows = await database.db.select().from(outbox);
    expect(deleted).toBe(2);
    expect(rows.map((row) => row.idempotencyKey)).toEqual(['pending']);
  });
});
