import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { createCipher } from './crypto';
import type { Database } from './db/client';
import { instanceFacts, outbox } from './db/schema';
import { openTestDatabase } from './db/test-database';
import { checkEncryptionKey, fingerprintOf } from './key-check';

const at = new Date('2027-03-05T12:00:00Z');
const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('the encryption key check at start-up', () => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('records the key fingerprint on the first start and accepts the same key later', async () => {
    database = await openTestDatabase();

    await checkEncryptionKey(database.db, createCipher(keyA), keyA, at);
    await checkEncryptionKey(database.db, createCipher(keyA), keyA, at);

    const facts = await database.db.select().from(instanceFacts);
    expect(facts).toEqual([
      { name: 'encryption_key_fingerprint', value: fingerprintOf(keyA), recordedAt: at },
    ]);
  });

  it('refuses another key, naming the variable, and writes nothing', async () => {
    database = await openTestDatabase();
    await checkEncryptionKey(database.db, createCipher(keyA), keyA, at);

    const attempt = checkEncryptionKey(database.db, createCipher(keyB), keyB, at);

    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/STAGECOACH_ENCRYPTION_KEY/u);
    expect(await database.db.select().from(instanceFacts)).toHaveLength(1);
  });

  it('refuses another key on data written before fingerprints existed', async () => {
    database = await openTestDatabase();
    await database.db.insert(outbox).values({
      idempotencyKey: 'old',
      recipient: { kind: 'person', personId: 'p' },
      payloadEnc: createCipher(keyA).encryptJson({ key: 'old' }),
      nextAttemptAt: at,
      createdAt: at,
    });

    await expect(checkEncryptionKey(database.db, createCipher(keyB), keyB, at)).rejects.toThrow(
      /STAGECOACH_ENCRYPTION_KEY/u,
    );
    expect(await database.db.select().from(instanceFacts)).toEqual([]);
  });

  it('never reveals the key: the fingerprint is short and one-way', () => {
    expect(fingerprintOf(keyA)).toHaveLength(16);
    expect(fingerprintOf(keyA)).not.toContain(keyA.toString('base64url').slice(0, 8));
  });
});
