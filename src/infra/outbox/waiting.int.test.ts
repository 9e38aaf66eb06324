import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { outbox } from '../db/schema';
import { openTestDatabase } from '../db/test-database';
import { countWaiting, describeWaiting } from './waiting';

const at = new Date('2027-03-05T12:00:00Z');

describe("tick's account of what still waits", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('says nothing waits when the outbox is done', async () => {
    expect(describeWaiting(await countWaiting(database.db))).toBe('0 waiting');
  });

  it('names why each pending message waits, most common first', async () => {
    const row = (key: string, lastError: string | null, status: 'pending' | 'sent' = 'pending') => ({
      idempotencyKey: key,
      recipient: { kind: 'person', personId: key },
      payloadEnc: 'v2.x',
      nextAttemptAt: at,
      createdAt: at,
      status,
      lastError,
    });
    await database.db
      .insert(outbox)
      .values([
        row('a', 'paused: token_revoked'),
        row('b', 'paused: token_revoked'),
        row('c', 'elsewhere: not configured here: teams'),
        row('d', null),
        row('e', null, 'sent'),
      ]);

    const summary = describeWaiting(await countWaiting(database.db));

    expect(summary).toMatch(/^4 waiting \(2 paused: token_revoked; /u);
    expect(summary).toContain('1 elsewhere: not configured here: teams');
    expect(summary).toContain('1 due later');
  });
});
