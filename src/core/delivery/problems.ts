/**
 * Why a recipient could not be reached, in the few categories a coordinator can act on.
 * Gateways and resolvers report free-form reasons (Slack error codes, Teams error names, our
 * own `recipient.*` codes); `classifyDeliveryFailure` maps them onto these.
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
  /** The app was removed, its token revoked, or the platform is not configured here. */
  | 'app-unavailable'
  /** Transient failures kept happening until we gave up. */
  | 'gave-up'
  /** The platform refused for another reason. */
  | 'refused';

/** Reasons the outbox's recipient resolvers report; the classifier understands them. */
export const RESOLVE_REASONS = {
  unknownPerson: 'recipient.unknown-person',
  noIdentity: 'recipient.no-identity',
  identityGone: 'recipient.identity-gone',
  unknownCohort: 'recipient.unknown-cohort',
  noChannel: 'recipient.no-digest-channel',
  platformNotConfigured: 'recipient.platform-not-configured',
} as const;

/** Checked in order; the first rule whose pattern occurs in the reason (case-insensitive) wins. */
const RULES: ReadonlyArray<readonly [DeliveryProblem, readonly string[]]> = [
  ['bot-not-in-channel', ['not_in_channel', 'botnotinconversationroster', 'not in channel', 'not a member']],
  [
    'channel-missing',
    [
      'channel_not_found',
      'is_archived',
      'conversationnotfound',
      RESOLVE_REASONS.noChannel,
      RESOLVE_REASONS.unknownCohort,
    ],
  ],
  ['account-gone', ['user_disabled', RESOLVE_REASONS.identityGone, 'deactivated', 'user-gone']],
  [
    'not-found',
    [
      RESOLVE_REASONS.noIdentity,
      RESOLVE_REASONS.unknownPerson,
      'users_not_found',
      'user_not_found',
      'cannot_dm_bot',
      'not found',
    ],
  ],
  [
    'app-unavailable',
    [
      RESOLVE_REASONS.platformNotConfigured,
      'account_inactive',
      'invalid_auth',
      'token_revoked',
      'token_expired',
      'not_authed',
      'app_uninstalled',
      'team_access_not_granted',
      'missing_scope',
      'uninstalled',
    ],
  ],
];

/**
 * `permanent` is false when we gave up after repeated transient failures: then the reason is
 * whatever the last attempt said, and the honest category is "gave up".
 */
export function classifyDeliveryFailure(reason: string, permanent: boolean): DeliveryProblem {
  if (!permanent) return 'gave-up';
  const haystack = reason.toLowerCase();
  const match = RULES.find(([, patterns]) => patterns.some((pattern) => haystack.includes(pattern)));
  return match ? match[0] : 'refused';
}
