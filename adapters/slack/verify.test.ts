import { describe, expect, it } from 'vitest';
import { signSlackRequest } from './fixtures/signed-request';
import { verifySlackSignature } from './verify';

const SECRET = 'shhh-signing-secret';
const NOW = new Date('2025-03-07T09:00:00Z');
const NOW_SECONDS = String(NOW.getTime() / 1000);
const BODY = Buffer.from('token=x&team_id=T0STAGE&command=%2Fstage&text=help');

const check = (overrides: {
  signature?: string | undefined;
  timestamp?: string | undefined;
  body?: Buffer;
}) =>
  verifySlackSignature({
    signingSecret: SECRET,
    rawBody: overrides.body ?? BODY,
    signature:
      'signature' in overrides
        ? overrides.signature
        : signSlackRequest(SECRET, overrides.timestamp ?? NOW_SECONDS, BODY),
    timestamp: 'timestamp' in overrides ? overrides.timestamp : NOW_SECONDS,
    now: NOW,
  });

const at = (offsetSeconds: number) => String(NOW.getTime() / 1000 + offsetSeconds);

describe('verifySlackSignature', () => {
  it.each([
    ['a fresh, correctly signed request', {}],
    ['a request exactly five minutes old', { timestamp: at(-300) }],
    ['a request exactly five minutes ahead', { timestamp: at(300) }],
  ])('accepts %s', (_name, overrides) => {
    expect(check(overrides).ok).toBe(true);
  });

  it.each([
    ['no signature', { signature: undefined }, 'SLACK.SIGNATURE_MISSING'],
    ['no timestamp', { timestamp: undefined }, 'SLACK.SIGNATURE_MISSING'],
    ['a non-numeric timestamp', { timestamp: '17e8' }, 'SLACK.TIMESTAMP_INVALID'],
    ['a request 5 min 1 s old', { timestamp: at(-301) }, 'SLACK.TIMESTAMP_OUT_OF_RANGE'],
    ['a request 6 min in the future', { timestamp: at(360) }, 'SLACK.TIMESTAMP_OUT_OF_RANGE'],
    [
      'a changed body',
      { body: Buffer.from('token=x&team_id=T0STAGE&command=%2Fstage&text=erase') },
      'SLACK.SIGNATURE_MISMATCH',
    ],
    ['a signature of the wrong length', { signature: 'v0=abc' }, 'SLACK.SIGNATURE_MISMATCH'],
    [
      'a signature made with another secret',
      { signature: signSlackRequest('other', NOW_SECONDS, BODY) },
      'SLACK.SIGNATURE_MISMATCH',
    ],
  ])('refuses %s', (_name, overrides, code) => {
    const result = check(overrides);

    expect(result).toEqual({ ok: false, error: { code } });
  });
});
