import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StagecoachError } from '../core/shared/errors';

/**
 * Content at rest: AES-256-GCM, a random 96-bit IV per value and a full 128-bit tag.
 *
 * `v2.<keyId>.<iv>.<tag>.<ciphertext>` (base64url) binds every value to where it is stored:
 * the associated data is `<table>.<column>:<row id>`, so a ciphertext copied into another
 * row or column no longer decrypts. `keyId` names the key that sealed it, so after a key
 * change old values are still opened with the previous key until `stagecoach rotate-key` has
 * re-sealed them. `v1.<iv>.<tag>.<ciphertext>` (no key id, no associated data) is what earlier
 * versions wrote; it stays readable and `rotate-key` upgrades it.
 */
export type Where = { table: string; column: string; row: string };

export type Cipher = {
  /** Id of the key new values are sealed with. */
  readonly keyId: string;
  encrypt(plaintext: string, where: Where): string;
  decrypt(stored: string, where: Where): string;
  encryptJson(value: unknown, where: Where): string;
  decryptJson<T>(stored: string, where: Where): T;
  /** True when `stored` is already sealed with the current key in the current format. */
  isCurrent(stored: string): boolean;
};

const IV_BYTES = 12;
const TAG_BYTES = 16;
const V2 = /^v2\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]*$/;
const V1 = /^v1\.[\w-]+\.[\w-]+\.[\w-]*$/;

/** True for anything this module wrote (either format): tests and migrations tell plain text apart. */
export function isCiphertext(value: string): boolean {
  return V2.test(value) || V1.test(value);
}

/** A short, stable id of a key (not secret: a truncated hash of a domain-separated digest). */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('stagecoach key id\0').update(key).digest('base64url').slice(0, 8);
}

export const whereOf = (table: string, column: string, row: string): Where => ({ table, column, row });

const aadOf = (where: Where): Buffer => Buffer.from(`${where.table}.${where.column}:${where.row}`, 'utf8');

/**
 * `key` seals; `previous` keys only open (during a rotation). Every key must be 32 bytes.
 */
export function createCipher(key: Buffer, previous: readonly Buffer[] = []): Cipher {
  for (const k of [key, ...previous]) {
    if (k.length !== 32) throw new StagecoachError('CRYPTO.BAD_KEY', 'The encryption key must be 32 bytes.');
  }
  const keyId = keyIdOf(key);
  const keys = new Map<string, Buffer>([[keyId, key], ...previous.map((k) => [keyIdOf(k), k] as const)]);

  const failed = (cause?: unknown) =>
    new StagecoachError(
      'CRYPTO.DECRYPT_FAILED',
      'Could not decrypt: wrong key, wrong place or tampered value.',
      {
        cause,
      },
    );

  const open = (k: Buffer, iv: Buffer, tag: Buffer, body: Buffer, aad: Buffer | null): string => {
    // A shorter tag would be accepted by GCM and is far easier to forge: only the full tag.
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw failed();
    try {
      const decipher = createDecipheriv('aes-256-gcm', k, iv, { authTagLength: TAG_BYTES });
      if (aad) decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw failed(cause);
    }
  };

  const encrypt = (plaintext: string, where: Where): string => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aadOf(where));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      'v2',
      keyId,
      iv.toString('base64url'),
      tag.toString('base64url'),
      body.toString('base64url'),
    ].join('.');
  };

  const decrypt = (stored: string, where: Where): string => {
    const parts = stored.split('.');
    const b = (s: string | undefined) => Buffer.from(s ?? '', 'base64url');
    if (parts[0] === 'v2' && parts.length === 5) {
      const k = keys.get(parts[1] ?? '');
      if (!k) {
        throw new StagecoachError(
          'CRYPTO.UNKNOWN_KEY',
          'Value sealed with a key that is not configured (set it as STAGECOACH_ENCRYPTION_KEY_PREVIOUS).',
        );
      }
      return open(k, b(parts[2]), b(parts[3]), b(parts[4]), aadOf(where));
    }
    if (parts[0] === 'v1' && parts.length === 4) {
      // Written before key ids: try every configured key.
      let last: unknown;
      for (const k of keys.values()) {
        try {
          return open(k, b(parts[1]), b(parts[2]), b(parts[3]), null);
        } catch (error) {
          last = error;
        }
      }
      throw failed(last);
    }
    throw new StagecoachError('CRYPTO.BAD_VALUE', 'Stored value is not in a known ciphertext format.');
  };

  return {
    keyId,
    encrypt,
    decrypt,
    encryptJson: (value, where) => encrypt(JSON.stringify(value), where),
    decryptJson: <T>(stored: string, where: Where) => JSON.parse(decrypt(stored, where)) as T,
    isCurrent: (stored) => stored.startsWith(`v2.${keyId}.`),
  };
}

/**
 * Development convenience: without STAGECOACH_ENCRYPTION_KEY a key file is created in DATA_DIR
 * (production refuses to start without a key — see `src/config.ts`).
 */
export function loadOrCreateDevKey(dataDir: string): { key: Buffer; created: boolean; path: string } {
  const path = join(dataDir, 'encryption.key');
  if (existsSync(path)) {
    return { key: Buffer.from(readFileSync(path, 'utf8').trim(), 'base64'), created: false, path };
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600 });
  return { key, created: true, path };
}
