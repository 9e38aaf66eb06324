import type { Address, SendFailure } from '../../src/app/ports';
import type { DeliveryProblem } from '../../src/core/delivery/problems';

/**
 * Bot Connector failures → the outbox's decision, by HTTP status and the connector's own error
 * code (`error.code` in the body), never by message text:
 * - throttling and server trouble are transient (Retry-After honoured);
 * - 401, and the token service refusing our app credentials, are an outage of all of Teams;
 * - 403 with a roster/blocked code is about one person or channel; any other 403 (the app
 *   disabled by a tenant admin) is an outage of that tenant;
 * - 404 (no such conversation), 400 and 413 are permanent for that message.
 */
const TEMPORARY_STATUSES = new Set([408, 412, 429, 500, 502, 503, 504]);

/** Connector codes of a 403 that concern one recipient, not the tenant. */
const RECIPIENT_CODES: Record<string, (address: Address) => DeliveryProblem> = {
  BotNotInConversationRoster: (address) =>
    address.kind === 'user' ? 'app-unavailable' : 'bot-not-in-channel',
  ConversationBlockedByUser: () => 'refused',
};

/** Token-service (Entra ID) error codes meaning our app id or secret is refused. */
const CREDENTIAL_CODES = new Set([
  'invalid_client',
  'unauthorized_client',
  'invalid_grant',
  'invalid_request',
]);

export function mapSendError(error: unknown, now: Date, address: Address): SendFailure {
  const credentialCode = tokenErrorCodeOf(error);
  if (credentialCode && CREDENTIAL_CODES.has(credentialCode)) {
    return {
      ok: false,
      kind: 'outage',
      reason: `teams: token ${credentialCode}`,
      scope: { platform: 'teams' },
    };
  }
  const status = statusOf(error);
  if (status === undefined) {
    return { ok: false, kind: 'transient', reason: `teams: network error (${codeOf(error)})` };
  }
  const code = errorCodeOf(error);
  const reason = `teams: HTTP ${status}${code ? ` ${code}` : ''}`;
  if (status === 401) return { ok: false, kind: 'outage', reason, scope: { platform: 'teams' } };
  if (status === 403) {
    const recipient = code ? RECIPIENT_CODES[code] : undefined;
    if (recipient) return { ok: false, kind: 'permanent', reason, problem: recipient(address) };
    return { ok: false, kind: 'outage', reason, scope: { platform: 'teams', tenant: address.tenant } };
  }
  if (status === 404) {
    const problem = address.kind === 'user' ? 'app-unavailable' : 'channel-missing';
    return { ok: false, kind: 'permanent', reason, problem };
  }
  if (TEMPORARY_STATUSES.has(status) || status >= 500) {
    const retryAfterMs = parseRetryAfter(headerOf(error, 'retry-after'), now);
    return retryAfterMs === undefined
      ? { ok: false, kind: 'transient', reason }
      : { ok: false, kind: 'transient', retryAfterMs, reason };
  }
  return { ok: false, kind: 'permanent', reason, problem: 'refused' };
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

type ErrorShape = {
  statusCode?: unknown;
  code?: unknown;
  response?: { status?: unknown; headers?: unknown; parsedBody?: unknown; bodyAsText?: unknown };
};

function statusOf(error: unknown): number | undefined {
  const shape = error as ErrorShape | undefined;
  const status = shape?.statusCode ?? shape?.response?.status;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

function codeOf(error: unknown): string {
  const code = (error as ErrorShape | undefined)?.code;
  return typeof code === 'string' ? code : 'unknown';
}

/** The connector's own error code (e.g. `BotNotInConversationRoster`), when it sent one. */
function errorCodeOf(error: unknown): string | undefined {
  const response = (error as ErrorShape | undefined)?.response;
  let body = response?.parsedBody as { error?: { code?: unknown } } | undefined;
  if (!body && typeof response?.bodyAsText === 'string') {
    try {
      body = JSON.parse(response.bodyAsText) as { error?: { code?: unknown } };
    } catch {
      body = undefined;
    }
  }
  const code = body?.error?.code;
  return typeof code === 'string' ? code : undefined;
}

/** MSAL (token service) errors carry `errorCode`, e.g. `invalid_client` for a wrong secret. */
function tokenErrorCodeOf(error: unknown): string | undefined {
  const code = (error as { errorCode?: unknown } | undefined)?.errorCode;
  return typeof code === 'string' ? code : undefined;
}

function headerOf(error: unknown, name: string): string | undefined {
  const headers = (error as ErrorShape | undefined)?.response?.headers as
    | { get?: (key: string) => unknown; [key: string]: unknown }
    | undefined;
  if (!headers) return undefined;
  const value = typeof headers.get === 'function' ? headers.get(name) : headers[name];
  return typeof value === 'string' ? value : undefined;
}
