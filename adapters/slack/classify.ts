import type { Address, SendFailure } from '../../src/app/ports';
import type { DeliveryProblem } from '../../src/core/delivery/problems';

/**
 * Slack Web API error codes → what the outbox should do. Matched exactly on Slack's `error`
 * field (https://api.slack.com/methods/chat.postMessage#errors), never on message text.
 */

/** The token or the workspace refuses us as a whole: pause Slack, keep every message. */
const OUTAGE_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive', // for a bot token: the app's bot user or the workspace was deactivated
  'missing_scope',
  'team_access_not_granted',
  'no_permission',
  'not_allowed_token_type',
  'ekm_access_denied',
  'org_login_required',
]);

/** This person or channel cannot be reached; a coordinator is told once. */
const RECIPIENT_ERRORS: Record<string, (address: Address) => DeliveryProblem> = {
  user_not_found: () => 'not-found',
  users_not_found: () => 'not-found',
  user_disabled: () => 'account-gone',
  user_not_visible: () => 'not-found',
  cannot_dm_bot: () => 'refused',
  // A DM addressed by user id: "channel not found" means Slack does not know the person.
  channel_not_found: (address) => (address.kind === 'user' ? 'account-gone' : 'channel-missing'),
  is_archived: () => 'channel-missing',
  not_in_channel: () => 'bot-not-in-channel',
  restricted_action: () => 'refused',
};

/** The message itself is refused: a bug on our side, never retried. */
const MESSAGE_ERRORS = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'invalid_arguments',
  'msg_too_long',
  'no_text',
  'too_many_attachments',
]);

type SlackErrorShape = {
  code?: unknown;
  retryAfter?: unknown;
  data?: { error?: unknown };
  statusCode?: unknown;
};

/** Maps a Web API failure (an exception of `@slack/web-api`) onto the outbox's decision. */
export function classifySlackError(error: unknown, address?: Address): SendFailure {
  const candidate = error as SlackErrorShape | undefined;
  if (candidate?.code === 'slack_webapi_rate_limited_error') {
    const seconds = typeof candidate.retryAfter === 'number' ? candidate.retryAfter : 1;
    return { ok: false, kind: 'transient', retryAfterMs: seconds * 1000, reason: 'rate_limited' };
  }
  if (candidate?.code === 'slack_webapi_platform_error' && typeof candidate.data?.error === 'string') {
    const reason = candidate.data.error;
    if (OUTAGE_ERRORS.has(reason)) return { ok: false, kind: 'outage', reason, scope: { platform: 'slack' } };
    const recipient = RECIPIENT_ERRORS[reason];
    if (recipient && address) return { ok: false, kind: 'permanent', reason, problem: recipient(address) };
    if (MESSAGE_ERRORS.has(reason)) return { ok: false, kind: 'permanent', reason, problem: 'refused' };
    return { ok: false, kind: 'transient', reason };
  }
  if (candidate?.code === 'slack_webapi_http_error') {
    return { ok: false, kind: 'transient', reason: `http_${String(candidate.statusCode)}` };
  }
  const code = typeof candidate?.code === 'string' ? candidate.code : 'unknown_error';
  return { ok: false, kind: 'transient', reason: code };
}
