/**
 * Why a recipient could not be reached, in the few categories a coordinator can act on.
 * Gateways classify their platform's own error codes into these (never by matching text);
 * the outbox's resolver reports its own `recipient.*` reasons, mapped by `problemOfResolveReason`.
 */
export type DeliveryProblem =
  /** No Slack/Teams account found for the person's e-mail address. */
  | 'not-found'
  /** The account is deactivated, or the person left the workspace/tenant. */
  | 'account-gone'
  /** The bot is not a member of the channel (Slack `not_in_channel`, Teams roster). */
  | 'bot-not-in-channel'
  /** The channel does not exist (any more), is archived, or none is set. */
  | 'channel-missing'
  /** The app is not installed for this person or channel (Teams: no conversation yet). */
  | 'app-unavailable'
  /** Our own message could not be read back or rendered: a bug, never retried. */
  | 'message-broken'
  /** Transient failures kept happening until we gave up. */
  | 'gave-up'
  /** The platform refused for another reason. */
  | 'refused';

/** Reasons the outbox's recipient resolver reports. */
export const RESOLVE_REASONS = {
  unknownPerson: 'recipient.unknown-person',
  noIdentity: 'recipient.no-identity',
  identityGone: 'recipient.identity-gone',
  unknownCohort: 'recipient.unknown-cohort',
  noChannel: 'recipient.no-digest-channel',
} as const;

export type ResolveReason = (typeof RESOLVE_REASONS)[keyof typeof RESOLVE_REASONS];

const RESOLVE_PROBLEMS: Record<ResolveReason, DeliveryProblem> = {
  [RESOLVE_REASONS.unknownPerson]: 'not-found',
  [RESOLVE_REASONS.noIdentity]: 'not-found',
  [RESOLVE_REASONS.identityGone]: 'account-gone',
  [RESOLVE_REASONS.unknownCohort]: 'channel-missing',
  [RESOLVE_REASONS.noChannel]: 'channel-missing',
};

export function problemOfResolveReason(reason: ResolveReason): DeliveryProblem {
  return RESOLVE_PROBLEMS[reason];
}

/** Reason codes of messages the dispatcher itself cannot send (poison rows). */
export const POISON_REASONS = {
  unreadable: 'payload.unreadable',
  unrenderable: 'payload.unrenderable',
} as const;
