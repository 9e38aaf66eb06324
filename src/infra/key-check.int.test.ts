import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { createCipher, keyIdOf, whereOf } from './crypto';
import type { Database } from './db/client';
import { instanceFacts, outbox } from './db/schema';
import { openTestDatabase } from './db/test-database';
import { checkEncryptionKey, KEY_FACT, recordKey } from './key-check';

const at = new Date('2027-03-05T12:00:00Z');
const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('the encryption key check at start-up', () => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('records the key id on the first start and accepts the same key later', async () => {
    database = await openTestDatabase();

    await checkEncryptionKey(database.db, createCipher(keyA), [], at);
    await checkEncryptionKey(database.db, createCipher(keyA), [], at);

    expect(await database.db.select().from(instanceFacts)).toEqual([
      { name: KEY_FACT, value: keyIdOf(keyA), recordedAt: at },
    ]);
  });

  it('refuses another key, naming the variable, and writes nothing', async () => {
    database = await openTestDatabase();
    await checkEncryptionKey(database.db, createCipher(keyA), [], at);

    const attempt = checkEncryptionKey(database.db, createCipher(keyB), [], at);

    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/STAGECOACH_ENCRYPTION_KEY/u);
    expect(await database.db.select().from(instanceFacts)).toHaveLength(1);
  });

  it('accepts a new key during a rotation, when the old one is listed as previous', async () => {
    database = await openTestDatabase();
    await checkEncryptionKey(database.db, createCipher(keyA), [], at);

    await checkEncryptionKey(database.db, createCipher(keyB, [keyA]), [keyIdOf(keyA)], at);
    await recordKey(database.db, keyIdOf(keyB), at);

    await expect(checkEncryptionKey(database.db, createCipher(keyB), [], at)).resolves.toBeUndefined();
    await expect(checkEncryptionKey(database.db, createCipher(keyA), [], at)).rejects.toThrow(/key id/u);
  });

  it('refuses another key on data written before key ids were recorded', async () => {
    database = await openTestDatabase();
    await database.db.insert(outbox).values({
      idempotencyKey: 'old',
      recipient: { kind: 'person', personId: 'p' },
      payloadEnc: createCipher(keyA).encryptJson({ key: 'old' }, whereOf('outbox', 'payload_enc', '1')),
      nextAttemptAt: at,
      createdAt: at,
    });

    await expect(checkEncryptionKey(database.db, createCipher(keyB), [], at)).rejects.toThrow(
      /STAGECOACH_ENCRYPTION_KEY/u,
    );
    await expect(checkEncryptionKey(database.db, createCipher(keyA), [], at)).resolves.toBeUndefined();
  });
});
