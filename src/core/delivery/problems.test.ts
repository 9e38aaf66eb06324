import { describe, expect, it } from 'vitest';
import { classifyDeliveryFailure, type DeliveryProblem, RESOLVE_REASONS } from './problems';

describe('classifyDeliveryFailure', () => {
  const permanentCases: ReadonlyArray<readonly [string, DeliveryProblem]> = [
    [RESOLVE_REASONS.noIdentity, 'not-found'],
    ['users_not_found', 'not-found'],
    ['slack: user_not_found', 'not-found'],
    [RESOLVE_REASONS.identityGone, 'account-gone'],
    ['user_disabled', 'account-gone'],
    ['not_in_channel', 'bot-not-in-channel'],
    ['BotNotInConversationRoster: the bot is not part of the conversation roster', 'bot-not-in-channel'],
    ['channel_not_found', 'channel-missing'],
    ['is_archived', 'channel-missing'],
    [RESOLVE_REASONS.noChannel, 'channel-missing'],
    [RESOLVE_REASONS.unknownCohort, 'channel-missing'],
    ['token_revoked', 'app-unavailable'],
    ['account_inactive', 'app-unavailable'],
    [RESOLVE_REASONS.platformNotConfigured, 'app-unavailable'],
    ['msg_too_long', 'refused'],
  ];

  it.each(permanentCases)('maps the permanent reason %s to %s', (reason, expected) => {
    expect(classifyDeliveryFailure(reason, true)).toBe(expected);
  });

  it('calls repeated transient failures "gave up" whatever the last reason was', () => {
    expect(classifyDeliveryFailure('channel_not_found', false)).toBe('gave-up');
  });
});
