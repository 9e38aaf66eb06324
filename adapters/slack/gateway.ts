import type { webApi } from '@slack/bolt';
import type { Address, Gateway, PlatformIdentity, SendOutcome } from '../../src/app/ports';
import { StagecoachError } from '../../src/core/shared/errors';
import type { Logger } from '../../src/infra/logging';
import { renderSlackPosts, type SlackPost } from './render';

type Failure = Exclude<SendOutcome, { ok: true }>;

/** Slack errors that no retry can fix: the person, channel, app or message itself is the problem. */
const PERMANENT_ERRORS = new Set([
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'user_not_found',
  'users_not_found',
  'account_inactive',
  'user_disabled',
  'cannot_dm_bot',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'team_access_not_granted',
  'restricted_action',
  'invalid_blocks',
  'invalid_arguments',
  'msg_too_long',
]);

/** Maps a Web API failure onto the outbox's retry decision. */
export function classifySlackError(error: unknown): Failure {
  const candidate = error as {
    code?: unknown;
    retryAfter?: unknown;
    data?: { error?: unknown };
    statusCode?: unknown;
  };
  if (candidate?.code === 'slack_webapi_rate_limited_error') {
    const seconds = typeof candidate.retryAfter === 'number' ? candidate.retryAfter : 1;
    return { ok: false, permanent: false, retryAfterMs: seconds * 1000, reason: 'rate_limited' };
  }
  if (candidate?.code === 'slack_webapi_platform_error' && typeof candidate.data?.error === 'string') {
    const reason = candidate.data.error;
    return PERMANENT_ERRORS.has(reason)
      ? { ok: false, permanent: true, reason }
      : { ok: false, permanent: false, reason };
  }
  if (candidate?.code === 'slack_webapi_http_error') {
    return { ok: false, permanent: false, reason: `http_${String(candidate.statusCode)}` };
  }
  return { ok: false, permanent: false, reason: error instanceof Error ? error.message : 'unknown_error' };
}

/** Later parts of a long message are retried briefly in place, so a retry never repeats part one. */
const PART_RETRIES = 2;
const MAX_PART_WAIT_MS = 5_000;

/**
 * Outbound Slack. The client must be created with `rejectRateLimitedCalls: true` and no retries:
 * the outbox decides when to try again, from the outcome returned here.
 */
export function createSlackGateway(deps: {
  client: webApi.WebClient;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
}): Gateway {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function post(channel: string, part: SlackPost): Promise<SendOutcome> {
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
      return classifySlackError(error);
    }
  }

  return {
    platform: 'slack',

    async send(address: Address, message): Promise<SendOutcome> {
      if (address.platform !== 'slack') {
        throw new StagecoachError('SLACK.WRONG_PLATFORM', `Slack gateway got a ${address.platform} address`);
      }
      // A user id as channel posts into the app's DM with that person (opened if needed).
      const channel = address.kind === 'user' ? address.platformUserId : address.channelId;
      const [first, ...rest] = renderSlackPosts(message);
      if (!first) return { ok: false, permanent: true, reason: 'empty_message' };
      const outcome = await post(channel, first);
      if (!outcome.ok) return outcome;
      for (const part of rest) {
        let partOutcome = await post(channel, part);
        for (
          let attempt = 0;
          !partOutcome.ok && !partOutcome.permanent && attempt < PART_RETRIES;
          attempt += 1
        ) {
          await sleep(Math.min(partOutcome.retryAfterMs ?? 1000, MAX_PART_WAIT_MS));
          partOutcome = await post(channel, part);
        }
        if (!partOutcome.ok) {
          // The first part is out; reporting failure would make the outbox send it twice.
          deps.logger.error(
            { reason: partOutcome.reason, key: message.key },
            'slack: later part of a message lost',
          );
        }
      }
      return outcome;
    },

    async findUserByEmail(email: string): Promise<PlatformIdentity | null> {
      try {
        const response = await deps.client.users.lookupByEmail({ email });
        const user = response.user;
        if (!user?.id || user.deleted) return null;
        return { platform: 'slack', tenant: user.team_id ?? '', platformUserId: user.id };
      } catch (error) {
        const failure = classifySlackError(error);
        if (failure.reason === 'users_not_found' || failure.reason === 'user_not_found') return null;
        throw new StagecoachError('SLACK.LOOKUP_FAILED', `users.lookupByEmail failed: ${failure.reason}`, {
          cause: error,
        });
      }
    },
  };
}
