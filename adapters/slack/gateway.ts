import type { webApi } from '@slack/bolt';
import type { Address, Gateway, LookupOutcome, SendOutcome } from '../../src/app/ports';
import { POISON_REASONS } from '../../src/core/delivery/problems';
import type { Message } from '../../src/core/messages/model';
import { StagecoachError } from '../../src/core/shared/errors';
import type { Logger } from '../../src/infra/logging';
import { classifySlackError } from './classify';
import { renderSlackPosts, type SlackPost } from './render';

/**
 * Outbound Slack. The client must be created with `rejectRateLimitedCalls: true` and no retries:
 * the outbox decides when to try again, from the outcome returned here.
 */
export function createSlackGateway(deps: { client: webApi.WebClient; logger: Logger }): Gateway {
  async function post(channel: string, part: SlackPost, address: Address): Promise<SendOutcome> {
    try {
      const response = await deps.client.chat.postMessage({
        channel,
        text: part.text,
        ...(part.blocks.length > 0 ? { blocks: part.blocks } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
      return { ok: true, platformMessageId: response.ts ?? '' };
    } catch (error) {
      return classifySlackError(error, address);
    }
  }

  function render(message: Message): SlackPost[] | null {
    try {
      return renderSlackPosts(message);
    } catch (error) {
      deps.logger.error({ err: error, key: message.key }, 'slack: rendering a message failed');
      return null;
    }
  }

  return {
    platform: 'slack',

    /**
     * A message longer than Slack allows goes out as several posts. They are one unit: a failure
     * after part k reports `partsSent: k`, and the retry resumes at part k, so nothing is
     * repeated and nothing is skipped.
     */
    async send(address, message, options = {}): Promise<SendOutcome> {
      if (address.platform !== 'slack') {
        throw new StagecoachError('SLACK.WRONG_PLATFORM', `Slack gateway got a ${address.platform} address`);
      }
      const posts = render(message);
      if (!posts || posts.length === 0) {
        return {
          ok: false,
          kind: 'permanent',
          reason: POISON_REASONS.unrenderable,
          problem: 'message-broken',
        };
      }
      // A user id as channel posts into the app's DM with that person (opened if needed).
      const channel = address.kind === 'user' ? address.platformUserId : address.channelId;
      const fromPart = Math.min(options.fromPart ?? 0, posts.length - 1);
      let firstId: string | undefined;
      for (let index = fromPart; index < posts.length; index += 1) {
        const outcome = await post(channel, posts[index] as SlackPost, address);
        if (!outcome.ok) return index > 0 ? { ...outcome, partsSent: index } : outcome;
        firstId ??= outcome.platformMessageId;
      }
      return { ok: true, platformMessageId: firstId ?? '' };
    },

    async findUserByEmail(email: string): Promise<LookupOutcome> {
      try {
        const response = await deps.client.users.lookupByEmail({ email });
        const user = response.user;
        if (!user?.id || user.deleted) return { ok: true, identity: null };
        return {
          ok: true,
          identity: { platform: 'slack', tenant: user.team_id ?? '', platformUserId: user.id },
        };
      } catch (error) {
        const failure = classifySlackError(error);
        if (failure.reason === 'users_not_found' || failure.reason === 'user_not_found')
          return { ok: true, identity: null };
        return failure;
      }
    },
  };
}
