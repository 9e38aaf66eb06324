import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import type { App, Receiver } from '@slack/bolt';
import type { Clock } from '../../src/app/ports';
import type { Logger } from '../../src/infra/logging';
import { BodyError, readBoundedBody } from '../shared/body';
import { verifySlackSignature } from './verify';

/** Slack gives up after 3 s and retries; we acknowledge well before that, work comes after. */
const ACK_DEADLINE_MS = 2_500;

/** Custom property Bolt merges into `context`: the signed request time (Unix seconds). */
export const REQUEST_TIMESTAMP = 'slackRequestTimestamp';
/**
 * Custom property Bolt merges into `context`: a listener calls it with `true` once the app has
 * committed the act, or `false` when the app could not (the request is then answered non-2xx).
 */
export const ACT_SETTLED = 'stagecoachActSettled';
export type ActSettled = (committed: boolean) => void;

export type SlackHttpReceiver = Receiver & {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
};

/**
 * A Bolt receiver for the shared HTTP server: verifies every request before anything is parsed,
 * then answers only once the act is safe. A listener's `ack()` is held until the app committed
 * the act (its transaction: dedupe key, state and outbox). If the app could not commit it, Slack
 * gets a 500, so the Events API retries it (the retry is deduplicated by the event id) and a
 * person's command or click shows Slack's own "did not respond" instead of a false success.
 * A request still at work after `ACK_DEADLINE_MS` is answered then: 200 for commands and clicks
 * (Slack never retries those), 500 for events (their retry is harmless: the dedupe key decides).
 *
 * Why not Bolt's own HTTPReceiver: it answers Slack as soon as a listener calls `ack()`, before
 * the app has committed anything, so a failed commit would be lost without a retry. What this
 * receiver keeps of Bolt: the signature check (`verifySlackRequest`, see verify.ts) and all event
 * routing (`app.processEvent`). What it adds: future timestamps refused (verify.ts), the shared
 * body limits (adapters/shared/body.ts), the ack held until commit, and retries passed on as
 * `retryNum` so the app's dedupe key (not Bolt) decides that a retry changes nothing.
 */
export function createSlackHttpReceiver(deps: {
  signingSecret: string;
  clock: Clock;
  logger: Logger;
}): SlackHttpReceiver {
  let app: App | undefined;
  const inFlight = new Set<Promise<unknown>>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return reply(res, 405);
    let rawBody: Buffer;
    try {
      rawBody = await readBoundedBody(req);
    } catch (error) {
      return reply(res, error instanceof BodyError ? error.status : 400);
    }
    const contentType = String(req.headers['content-type'] ?? '');
    const form = contentType.startsWith('application/x-www-form-urlencoded');

    // Slack's SSL probe is unsigned; it is answered and nothing in it is looked at.
    if (form && parseQueryString(rawBody.toString('utf8')).ssl_check === '1') return reply(res, 200);

    const verified = verifySlackSignature({
      signingSecret: deps.signingSecret,
      rawBody,
      signature: header(req, 'x-slack-signature'),
      timestamp: header(req, 'x-slack-request-timestamp'),
      now: deps.clock.now(),
    });
    if (!verified.ok) {
      deps.logger.warn({ code: verified.error.code }, 'slack request refused');
      return reply(res, 401);
    }

    const body = parseBody(rawBody, form);
    if (!body) return reply(res, 400);
    if (body.type === 'url_verification') {
      return reply(res, 200, JSON.stringify({ challenge: body.challenge }), 'application/json');
    }
    if (!app) return reply(res, 503);

    let ackResponse: unknown;
    const ack = async (response?: unknown): Promise<void> => {
      ackResponse = response;
    };
    let settle: ActSettled = () => {};
    const settled = new Promise<'committed' | 'refused'>((resolve) => {
      settle = (committed) => resolve(committed ? 'committed' : 'refused');
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ACK_DEADLINE_MS);
    });

    const retryNum = Number(header(req, 'x-slack-retry-num') ?? Number.NaN);
    const retryReason = header(req, 'x-slack-retry-reason');
    const work = app
      .processEvent({
        body,
        ack,
        ...(Number.isInteger(retryNum) ? { retryNum } : {}),
        ...(retryReason ? { retryReason } : {}),
        customProperties: { [REQUEST_TIMESTAMP]: verified.value.timestampSeconds, [ACT_SETTLED]: settle },
      })
      .then(
        () => 'finished' as const,
        (error: unknown) => {
          deps.logger.error({ err: error }, 'slack event processing failed');
          return 'errored' as const;
        },
      );
    inFlight.add(work);
    try {
      const outcome = await Promise.race([settled, work, late]);
      clearTimeout(timer);
      switch (outcome) {
        case 'committed':
        case 'finished':
          replyAck(res, ackResponse);
          break;
        case 'refused':
        case 'errored':
          reply(res, 500);
          break;
        case 'late':
          deps.logger.warn('slack request still at work at the acknowledgement deadline');
          if (body.type === 'event_callback') reply(res, 500);
          else replyAck(res, ackResponse);
          break;
      }
      await work;
    } finally {
      inFlight.delete(work);
    }
  }

  return {
    init(boltApp: App) {
      app = boltApp;
    },
    async start() {},
    /** Waits for requests still being worked on after their acknowledgement. */
    async stop() {
      await Promise.allSettled([...inFlight]);
    },
    handle,
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A listener's acknowledgement: empty, text, or JSON (e.g. `response_action` of a view). */
function replyAck(res: ServerResponse, response: unknown): void {
  if (response === undefined || response === '') reply(res, 200);
  else if (typeof response === 'string') reply(res, 200, response, 'text/plain; charset=utf-8');
  else reply(res, 200, JSON.stringify(response), 'application/json');
}

function reply(res: ServerResponse, status: number, body?: string, contentType?: string): void {
  if (res.headersSent) return;
  res.writeHead(status, contentType ? { 'content-type': contentType } : {});
  res.end(body);
}

/** Interactivity arrives as a form with a JSON `payload`; commands as a plain form; events as JSON. */
function parseBody(rawBody: Buffer, form: boolean): Record<string, unknown> | null {
  try {
    const text = rawBody.toString('utf8');
    if (!form) return asRecord(JSON.parse(text));
    const fields = parseQueryString(text);
    if (typeof fields.payload === 'string') return asRecord(JSON.parse(fields.payload));
    return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value ?? '')]));
  } catch {
    return null;
  }
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
