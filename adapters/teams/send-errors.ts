import type { SendOutcome } from '../../src/app/ports';

/**
 * Connector failures → `SendOutcome`. Throttling and server trouble are temporary (Retry-After
 * honoured); a bot removed from the roster or blocked (403) and an unknown conversation (404)
 * are permanent: retrying cannot help and the app alerts a coordinator once.
 */
const TEMPORARY_STATUSES = new Set([408, 412, 429, 500, 502, 503, 504]);
const PERMANENT_STATUSES = new Set([400, 403, 404, 410, 413]);

export type FailedOutcome = Exclude<SendOutcome, { ok: true }>;

export function mapSendError(error: unknown, now: Date): FailedOutcome {
  const status = statusOf(error);
  if (status === undefined) {
    return { ok: false, permanent: false, reason: `teams: network error (${codeOf(error)})` };
  }
  const reason = `teams: HTTP ${status}${errorCodeOf(error)}`;
  if (PERMANENT_STATUSES.has(status)) return { ok: false, permanent: true, reason };
  if (TEMPORARY_STATUSES.has(status) || status >= 500 || status === 401) {
    const retryAfterMs = parseRetryAfter(headerOf(error, 'retry-after'), now);
    return retryAfterMs === undefined
      ? { ok: false, permanent: false, reason }
      : { ok: false, permanent: false, retryAfterMs, reason };
  }
  return { ok: false, permanent: true, reason };
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
function errorCodeOf(error: unknown): string {
  const body = (error as ErrorShape | undefined)?.response?.parsedBody as
    | { error?: { code?: unknown } }
    | undefined;
  const code = body?.error?.code;
  return typeof code === 'string' ? ` ${code}` : '';
}

function headerOf(error: unknown, name: string): string | undefined {
  const headers = (error as ErrorShape | undefined)?.response?.headers as
    | { get?: (key: string) => unknown; [key: string]: unknown }
    | undefined;
  if (!headers) return undefined;
  const value = typeof headers.get === 'function' ? headers.get(name) : headers[name];
  return typeof value === 'string' ? value : undefined;
}
