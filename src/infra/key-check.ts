import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ConfigError } from '../config';
import type { Cipher } from './crypto';
import type { Db } from './db/client';
import { conversations, instanceFacts, outbox } from './db/schema';

const FACT = 'encryption_key_fingerprint';

/** A short, one-way fingerprint of the content key: shows which key data was written with. */
export function fingerprintOf(key: Buffer): string {
  return createHmac('sha256', key)
    .update('stagecoach encryption key fingerprint v1')
    .digest('base64url')
    .slice(0, 16);
}

/**
 * Refuses to start with another key than the data was written with: every new row would be
 * unreadable with the old key, and every old row with the new one. The first start records the
 * fingerprint; a database from before fingerprints is checked by decrypting a stored value.
 */
export async function checkEncryptionKey(db: Db, cipher: Cipher, key: Buffer, at: Date): Promise<void> {
  const fingerprint = fingerprintOf(key);
  const [stored] = await db.select().from(instanceFacts).where(eq(instanceFacts.name, FACT));
  if (stored) {
    if (stored.value !== fingerprint) throw wrongKey(stored.value, fingerprint);
    return;
  }
  const sample = await sampleCiphertext(db);
  if (sample !== undefined) {
    try {
      cipher.decrypt(sample);
    } catch {
      throw wrongKey('(none recorded; stored data does not decrypt)', fingerprint);
    }
  }
  await db
    .insert(instanceFacts)
    .values({ name: FACT, value: fingerprint, recordedAt: at })
    .onConflictDoNothing();
  // Two first starts at once: whoever recorded first wins, the other must match it.
  const [winner] = await db.select().from(instanceFacts).where(eq(instanceFacts.name, FACT));
  if (winner && winner.value !== fingerprint) throw wrongKey(winner.value, fingerprint);
}

async function sampleCiphertext(db: Db): Promise<string | undefined> {
  const [queued] = await db.select({ value: outbox.payloadEnc }).from(outbox).limit(1);
  if (queued) return queued.value;
  const [state] = await db.select({ value: conversations.stateEnc }).from(conversations).limit(1);
  return state?.value;
}

function wrongKey(expected: string, got: string): ConfigError {
  return new ConfigError([
    `STAGECOACH_ENCRYPTION_KEY is not the key this database was written with (key fingerprint ${got}, the data's ${expected}). ` +
      'Start with the original key; nothing was written with this one.',
  ]);
}
