import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCipher, isCiphertext, keyIdOf, whereOf } from './crypto';

const KEY = Buffer.alloc(32, 1);
const NEW_KEY = Buffer.alloc(32, 2);
const HERE = whereOf('reports', 'content_enc', 'p1:monthly:2027-03-01');
const THERE = whereOf('reports', 'content_enc', 'p2:monthly:2027-03-01');

/** What version 1 wrote: no key id, no associated data. */
function legacyV1(key: Buffer, plaintext: string): string {
  const iv = Buffer.alloc(12, 9);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

describe('content encryption', () => {
  const cipher = createCipher(KEY);

  it('round-trips a value in its own place, with the key id in the value', () => {
    const sealed = cipher.encrypt('Ik was ziek', HERE);
    expect(sealed.startsWith(`v2.${keyIdOf(KEY)}.`)).toBe(true);
    expect(cipher.decrypt(sealed, HERE)).toBe('Ik was ziek');
    expect(isCiphertext(sealed)).toBe(true);
  });

  it('refuses a ciphertext moved to another row or column (associated data)', () => {
    const sealed = cipher.encrypt('Ik was ziek', HERE);
    expect(() => cipher.decrypt(sealed, THERE)).toThrow(/wrong key, wrong place/);
    expect(() => cipher.decrypt(sealed, { ...HERE, column: 'feedback_enc' })).toThrow(/wrong place/);
  });

  it('refuses a truncated tag: only the full 128-bit tag is accepted', () => {
    const [v, kid, iv, tag, body] = cipher.encrypt('Ik was ziek', HERE).split('.');
    const short = Buffer.from(tag ?? '', 'base64url')
      .subarray(0, 4)
      .toString('base64url');
    expect(() => cipher.decrypt([v, kid, iv, short, body].join('.'), HERE)).toThrow();
    const legacy = legacyV1(KEY, 'oud').split('.');
    const shortLegacy = Buffer.from(legacy[2] ?? '', 'base64url')
      .subarray(0, 8)
      .toString('base64url');
    expect(() => cipher.decrypt([legacy[0], legacy[1], shortLegacy, legacy[3]].join('.'), HERE)).toThrow();
  });

  it('refuses a tampered body', () => {
    const parts = cipher.encrypt('Ik was ziek', HERE).split('.');
    const body = Buffer.from(parts[4] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), HERE)).toThrow();
  });

  it('still reads what version 1 wrote', () => {
    expect(cipher.decrypt(legacyV1(KEY, 'oud verslag'), HERE)).toBe('oud verslag');
    expect(cipher.isCurrent(legacyV1(KEY, 'oud verslag'))).toBe(false);
  });

  it('opens values of a previous key during a rotation, and seals only with the new one', () => {
    const old = createCipher(KEY).encrypt('van voor de wissel', HERE);
    const rotating = createCipher(NEW_KEY, [KEY]);
    expect(rotating.decrypt(old, HERE)).toBe('van voor de wissel');
    expect(rotating.isCurrent(old)).toBe(false);
    expect(rotating.encrypt('nieuw', HERE).startsWith(`v2.${keyIdOf(NEW_KEY)}.`)).toBe(true);
    expect(() => createCipher(NEW_KEY).decrypt(old, HERE)).toThrow(/not configured/);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => createCipher(Buffer.alloc(16))).toThrow(/32 bytes/);
    expect(() => createCipher(KEY, [Buffer.alloc(31)])).toThrow(/32 bytes/);
  });
});
