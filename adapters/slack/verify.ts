import { verifySlackRequest } from '@slack/bolt';
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
 * Slack's v0 request signature, checked by Bolt's own `verifySlackRequest` (HMAC-SHA256 over
 * `v0:<timestamp>:<body>`, constant-time compare, stale after 5 minutes). Our deviations, each
 * for a reason Bolt does not cover:
 * - a timestamp from the future is refused too (Bolt refuses only stale ones), so a captured
 *   request cannot be pre-dated for a later replay;
 * - missing headers and a timestamp that is not plain digits are refused before Bolt sees them
 *   (Bolt would throw a TypeError on a missing signature and reads `17e8` as a number);
 * - Bolt's failure is an Error whose message names staleness; that is mapped to our code.
 */
export function verifySlackSignature(input: SignatureInput): Result<{ timestampSeconds: number }> {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) return fail<SignatureError>('SLACK.SIGNATURE_MISSING');
  if (!/^\d{1,12}$/u.test(timestamp)) return fail<SignatureError>('SLACK.TIMESTAMP_INVALID');
  const timestampSeconds = Number(timestamp);
  const nowSeconds = Math.floor(input.now.getTime() / 1000);
  if (timestampSeconds - nowSeconds > SIGNATURE_TOLERANCE_SECONDS) {
    return fail<SignatureError>('SLACK.TIMESTAMP_OUT_OF_RANGE');
  }
  try {
    verifySlackRequest({
      signingSecret: input.signingSecret,
      body: input.rawBody.toString('utf8'),
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestampSeconds },
      nowMilliseconds: input.now.getTime(),
    });
  } catch (error) {
    const stale = error instanceof Error && /stale/u.test(error.message);
    return fail<SignatureError>(stale ? 'SLACK.TIMESTAMP_OUT_OF_RANGE' : 'SLACK.SIGNATURE_MISMATCH');
  }
  return ok({ timestampSeconds });
}
