import { eq } from 'drizzle-orm';
import { ConfigError } from '../config';
import { type Cipher, whereOf } from './crypto';
import type { Db } from './db/client';
import { conversations, instanceFacts, outbox } from './db/schema';

/** `instance_facts` row holding the id of the key the data is sealed with (`keyIdOf`, not secret). */
export const KEY_FACT = 'encryption_key_id';

/**
 * Refuses to start with another key than the data was written with: every new row would be
 * unreadable with the old key, and every old row with the new one. The first start records the
 * key's id; a database from before that is checked on a stored value. During a rotation the
 * data's key may be one of `previousKeyIds` (STAGECOACH_ENCRYPTION_KEY_PREVIOUS); `rotate-key`
 * records the new key once everything is re-sealed.
 */
export async function checkEncryptionKey(
  db: Db,
  cipher: Cipher,
  previousKeyIds: readonly string[],
  at: Date,
): Promise<void> {
  const known = new Set([cipher.keyId, ...previousKeyIds]);
  const [stored] = await db.select().from(instanceFacts).where(eq(instanceFacts.name, KEY_FACT));
  if (stored) {
    if (!known.has(stored.value)) throw wrongKey(stored.value, cipher.keyId);
    return;
  }
  if (!(await sampleOpens(db, cipher, known)))
    throw wrongKey('(none recorded; stored data does not open)', cipher.keyId);
  await recordKey(db, cipher.keyId, at, { onlyIfMissing: true });
  // Two first starts at once: whoever recorded first wins, the other must match it.
  const [winner] = await db.select().from(instanceFacts).where(eq(instanceFacts.name, KEY_FACT));
  if (winner && !known.has(winner.value)) throw wrongKey(winner.value, cipher.keyId);
}

/** After `rotate-key`: the data is now sealed with `keyId`. */
export async function recordKey(db: Db, keyId: string, at: Date, options: { onlyIfMissing?: boolean } = {}) {
  const insert = db.insert(instanceFacts).values({ name: KEY_FACT, value: keyId, recordedAt: at });
  if (options.onlyIfMissing) await insert.onConflictDoNothing();
  else await insert.onConflictDoUpdate({ target: instanceFacts.name, set: { value: keyId, recordedAt: at } });
}

/** A stored value names its key (`v2.<keyId>.…`) or, older (`v1`), must open with a known key. */
async function sampleOpens(db: Db, cipher: Cipher, known: ReadonlySet<string>): Promise<boolean> {
  const [queued] = await db.select({ value: outbox.payloadEnc }).from(outbox).limit(1);
  const [state] = queued
    ? []
    : await db.select({ value: conversations.stateEnc }).from(conversations).limit(1);
  const value = queued?.value ?? state?.value;
  if (value === undefined) return true;
  const [version, keyId] = value.split('.');
  if (version === 'v2') return keyId !== undefined && known.has(keyId);
  try {
    // v1 values carry no key id and are not bound to their row: opening one proves the key.
    cipher.decrypt(value, whereOf('outbox', 'payload_enc', 'v1'));
    return true;
  } catch {
    return false;
  }
}

function wrongKey(expected: string, got: string): ConfigError {
  return new ConfigError([
    `STAGECOACH_ENCRYPTION_KEY is not the key this database was written with (key id ${got}, the data's ${expected}). ` +
      'Start with the original key (during a rotation, list the old one in STAGECOACH_ENCRYPTION_KEY_PREVIOUS); nothing was written with this one.',
  ]);
}
