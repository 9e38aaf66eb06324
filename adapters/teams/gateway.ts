import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Address, Clock, ConversationRefStore, Gateway, SendOutcome } from '../../src/app/ports';
import { POISON_REASONS } from '../../src/core/delivery/problems';
import type { Message } from '../../src/core/messages/model';
import type { Logger } from '../../src/infra/logging';
import { isUsableReference } from './references';
import { renderActivity } from './render';
import { mapSendError } from './send-errors';
import type { Throttle } from './throttle';

/**
 * Proactive sends: look up the stored conversation reference, check the local budget, and post
 * the card with `continueConversationAsync`. Never waits: throttling becomes `retryAfterMs`.
 */
export type TeamsGatewayDeps = {
  adapter: CloudAdapter;
  appId: string | undefined;
  refs: ConversationRefStore;
  throttle: Throttle;
  clock: Clock;
  logger: Logger;
};

export function createTeamsGateway(deps: TeamsGatewayDeps): Gateway {
  return {
    platform: 'teams',

    async send(address: Address, message: Message): Promise<SendOutcome> {
      if (address.platform !== 'teams') {
        return {
          ok: false,
          kind: 'permanent',
          reason: `teams: cannot send to a ${address.platform} address`,
          problem: 'refused',
        };
      }
      let activity: ReturnType<typeof renderActivity>;
      try {
        activity = renderActivity(message);
      } catch (error) {
        deps.logger.error({ err: error, messageKey: message.key }, 'teams: rendering a message failed');
        return {
          ok: false,
          kind: 'permanent',
          reason: POISON_REASONS.unrenderable,
          problem: 'message-broken',
        };
      }
      const key = address.kind === 'user' ? address.platformUserId : address.channelId;
      const stored = await deps.refs.get('teams', key);
      if (!isUsableReference(stored)) {
        return {
          ok: false,
          kind: 'permanent',
          reason: 'teams: no conversation reference (the app is not installed for this person or channel)',
          problem: 'app-unavailable',
        };
      }
      const budget = deps.throttle.take(stored.conversation.id, address.tenant);
      if (!budget.ok) {
        return {
          ok: false,
          kind: 'transient',
          retryAfterMs: budget.retryAfterMs,
          reason: 'teams: send budget used',
        };
      }

      let messageId = '';
      let failure: unknown;
      try {
        await deps.adapter.continueConversationAsync(
          deps.appId ?? '',
          stored as Partial<ConversationReference>,
          async (context) => {
            // Errors are caught here: the adapter's onTurnError would otherwise swallow them.
            try {
              disableConnectorRetries(context);
              postAsNewMessage(context);
              const response = await context.sendActivity(activity);
              messageId = response?.id ?? '';
            } catch (error) {
              failure = error;
            }
          },
        );
      } catch (error) {
        failure = error;
      }
      if (failure !== undefined) {
        const outcome = mapSendError(failure, deps.clock.now(), address);
        deps.logger.warn(
          {
            messageKey: message.key,
            addressKind: address.kind,
            reason: outcome.reason,
            kind: outcome.kind,
          },
          'teams: proactive send failed',
        );
        return outcome;
      }
      return { ok: true, platformMessageId: messageId };
    },

    async findUserByEmail(email) {
      const found = await deps.refs.findByEmail('teams', email.trim().toLowerCase());
      return {
        ok: true,
        identity: found ? { platform: 'teams', tenant: found.tenant, platformUserId: found.key } : null,
      };
    },
  };
}

/**
 * botbuilder makes a proactive send a reply to the random id of its continuation activity; we
 * want a plain new post (`POST /v3/conversations/:id/activities`), in a channel a new thread.
 */
function postAsNewMessage(context: TurnContext): void {
  context.onSendActivities(async (_context, activities, next) => {
    for (const activity of activities) delete activity.replyToId;
    return next();
  });
}

/**
 * The connector's HTTP pipeline retries 429/5xx itself, sleeping for Retry-After. The outbox
 * owns retries, so proactive sends fail fast and report Retry-After instead of blocking.
 */
function disableConnectorRetries(context: TurnContext): void {
  const connector = context.turnState.get(context.adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } } }
    | undefined;
  connector?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}
