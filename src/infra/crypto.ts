import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StagecoachError } from '../core/shared/errors';

/**
 * Content at rest: AES-256-GCM with a random 96-bit IV per value. Stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url), so a future key rotation can add `v2`.
 */
export type Cipher = {
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
  encryptJson(value: unknown): string;
  decryptJson<T>(stored: string): T;
};

const IV_BYTES = 12;

export function createCipher(key: Buffer): Cipher {
  if (key.length !== 32) throw new StagecoachError('CRYPTO.BAD_KEY', 'The encryption key must be 32 bytes.');

  const encrypt = (plaintext: string): string => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['v1', iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
  };

  const decrypt = (stored: string): string => {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined) {
      throw new StagecoachError('CRYPTO.BAD_VALUE', 'Stored value is not in the v1 ciphertext format.');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch (cause) {
      throw new StagecoachError('CRYPTO.DECRYPT_FAILED', 'Could not decrypt: wrong key or tampered value.', {
        cause,
      });
    }
  };

  return {
    encrypt,
    decrypt,
    encryptJson: (value) => encrypt(JSON.stringify(value)),
    decryptJson: <T>(stored: string) => JSON.parse(decrypt(stored)) as T,
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
