import { createHmac, timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../../src/core/shared/result';

/** Slack signs every request; requests more than this far from our clock, either way, are refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export type SignatureInput = {
  signingSecret: string;
  /** The exact bytes Slack sent: re-serialised JSON would not match the signature. */
  rawBody: Buffer;
  signature: string | undefined;
  /** `X-Slack-Request-Timestamp`, Unix seconds. */
  timestamp: string | undefined;
  now: Date;
};

export type SignatureError =
  | 'SLACK.SIGNATURE_MISSING'
  | 'SLACK.TIMESTAMP_INVALID'
  | 'SLACK.TIMESTAMP_OUT_OF_RANGE'
  | 'SLACK.SIGNATURE_MISMATCH';

/**
 * Slack's v0 request signature: HMAC-SHA256 over `v0:<timestamp>:<body>`, compared in constant
 * time. Unlike Bolt's own check, a timestamp from the future is refused too, so a captured
 * request cannot be pre-dated for a later replay.
 */
export function verifySlackSignature(input: SignatureInput): Result<{ timestampSeconds: number }> {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) return fail<SignatureError>('SLACK.SIGNATURE_MISSING');
  if (!/^\d{1,12}$/u.test(timestamp)) return fail<SignatureError>('SLACK.TIMESTAMP_INVALID');
  const timestampSeconds = Number(timestamp);
  const nowSeconds = Math.floor(input.now.getTime() / 1000);
  if (Math.abs(nowSeconds - timestampSeconds) > SIGNATURE_TOLERANCE_SECONDS) {
    return fail<SignatureError>('SLACK.TIMESTAMP_OUT_OF_RANGE');
  }
  const expected = Buffer.from(signSlackRequest(input.signingSecret, timestamp, input.rawBody), 'utf8');
  const received = Buffer.from(signature, 'utf8');
  // timingSafeEqual throws on unequal lengths; a wrong length is simply a wrong signature.
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
    return fail<SignatureError>('SLACK.SIGNATURE_MISMATCH');
  }
  return ok({ timestampSeconds });
}

/** `v0=<hex hmac>` for a body; also used by tests to sign fixtures like Slack does. */
export function signSlackRequest(signingSecret: string, timestamp: string, rawBody: Buffer | string): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}
