import type { Address } from '../../app/ports';
import type { Recipient } from '../../core/messages/model';
import { assertNever } from '../../core/shared/errors';

/**
 * The outbox's ordering and pacing unit, stored in `outbox.conversation_key` at enqueue time:
 * one per domain recipient, so it is known before the recipient is resolved to an account.
 */
export function recipientKey(recipient: Recipient): string {
  switch (recipient.kind) {
    case 'person':
      return `person:${recipient.personId}`;
    case 'cohort-channel':
      return `cohort-channel:${recipient.cohortId}`;
    default:
      return assertNever(recipient);
  }
}

/** One platform conversation (a DM or a channel): what the platform rate-limits. */
export function addressKey(address: Address): string {
  switch (address.kind) {
    case 'user':
      return `${address.platform}:${address.tenant}:user:${address.platformUserId}`;
    case 'channel':
      return `${address.platform}:${address.tenant}:channel:${address.channelId}`;
    default:
      return assertNever(address);
  }
}

/** `delivery_problems.key` of a recipient: a coordinator hears of them once until they recover. */
export const deliveryProblemKey = (recipient: Recipient): string =>
  `undeliverable:${recipientKey(recipient)}`;
