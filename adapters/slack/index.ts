import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Clock, Gateway, InboundHandler } from '../../src/app/ports';
import type { SlackConfig } from '../../src/config';
import type { Locale } from '../../src/core/messages/model';
import type { Logger } from '../../src/infra/logging';
import { describeSlackError as describe } from './describe-error';
import { createSlackGateway } from './gateway';
import { registerSlackListeners } from './listeners';
import { createSlackSdkLogger } from './logger';
import { createSlackHttpReceiver } from './receiver';
import { createUserDirectory } from './users';

export { classifySlackError } from './classify';
export { renderBlocks, renderHome, renderModal, renderSlackPosts, SLACK_LIMITS } from './render';

export type SlackAdapter = {
  /** The shared server routes `POST /slack/events` here (events, commands and interactivity). */
  handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void>;
  gateway: Gateway;
  /** Socket Mode: connect. HTTP: nothing to do. */
  start(): Promise<void>;
  /** Socket Mode: disconnect. HTTP: wait for requests still being worked on. */
  stop(): Promise<void>;
};

export type SlackAdapterDeps = {
  config: SlackConfig;
  handler: InboundHandler;
  logger: Logger;
  clock: Clock;
  /** Language for the adapter's own notices when Slack does not tell us the person's locale. */
  defaultLocale?: Locale;
  /** The process's outbound side, shared with the outbox dispatcher (made here when absent). */
  outbound?: SlackOutbound;
};

/** Outbound Slack only: a Web API client and the outbox gateway. No listener, no HTTP. */
export type SlackOutbound = {
  client: webApi.WebClient;
  gateway: Gateway;
  clientOptions: ReturnType<typeof slackClientOptions>;
};

const DEFAULT_API_URL = 'https://slack.com/api/';

function slackClientOptions(config: SlackConfig, logger: Logger) {
  return {
    slackApiUrl: config.apiUrl ?? DEFAULT_API_URL,
    logger: createSlackSdkLogger(logger),
    // The outbox owns retries and pacing: a 429 must come straight back with its Retry-After.
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 10_000, // ms
  };
}

/**
 * What every process that dispatches needs (server, `tick`, a worker): the Web API client and
 * the gateway, without Bolt's listeners or an HTTP endpoint.
 */
export function createSlackOutbound(deps: { config: SlackConfig; logger: Logger }): SlackOutbound {
  const log = deps.logger.child({ platform: 'slack' });
  const clientOptions = slackClientOptions(deps.config, log);
  const client = new webApi.WebClient(deps.config.botToken, clientOptions);
  return { client, clientOptions, gateway: createSlackGateway({ client, logger: log }) };
}

export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const { config, logger, clock } = deps;
  const log = logger.child({ platform: 'slack' });
  const outbound = deps.outbound ?? createSlackOutbound({ config, logger });
  const { client, clientOptions } = outbound;
  const sdkLogger = clientOptions.logger;
  const apiUrl = clientOptions.slackApiUrl;
  const botIdentity = createBotIdentity(client, log);

  const socketMode = Boolean(config.appToken);
  const httpReceiver = createSlackHttpReceiver({ signingSecret: config.signingSecret, clock, logger: log });
  const receiver = config.appToken
    ? new SocketModeReceiver({
        appToken: config.appToken,
        logger: sdkLogger,
        installerOptions: { clientOptions: { slackApiUrl: apiUrl } },
      })
    : httpReceiver;

  const app = new App({
    receiver,
    logger: sdkLogger,
    clientOptions,
    convoStore: false,
    // Our own authorize: one auth.test, cached; if Slack is briefly unreachable events still flow.
    authorize: async () => {
      const { teamId: _teamId, enterpriseId: _enterpriseId, ...ids } = await botIdentity();
      return { botToken: config.botToken, ...ids };
    },
  });

  registerSlackListeners(app, {
    handler: deps.handler,
    client,
    users: createUserDirectory({ client, logger: log, clock }),
    logger: log,
    clock,
    botToken: config.botToken,
    // The installed workspace (and its Enterprise Grid org), from auth.test: the only place
    // whose users may be linked by e-mail. Unknown (Slack unreachable) = trust nobody yet.
    isTrustedTeam: async (teamId) => {
      const { teamId: installed, enterpriseId } = await botIdentity();
      return Boolean(teamId) && (teamId === installed || teamId === enterpriseId);
    },
    fileOrigins: ['https://files.slack.com', new URL(apiUrl).origin],
    defaultLocale: deps.defaultLocale ?? 'nl',
  });

  return {
    async handleHttp(req, res) {
      if (socketMode) {
        log.warn('slack HTTP request while in Socket Mode; refused');
        res.writeHead(404).end();
        return;
      }
      await httpReceiver.handle(req, res);
    },
    gateway: outbound.gateway,
    async start() {
      await app.start();
    },
    async stop() {
      await app.stop();
    },
  };
}

type BotIdentity = { botUserId?: string; botId?: string; teamId?: string; enterpriseId?: string };

/**
 * The bot's own ids (to ignore its echoes) and the installed team, from `auth.test`, cached
 * once it succeeded.
 */
function createBotIdentity(client: webApi.WebClient, logger: Logger) {
  let known: BotIdentity | undefined;
  return async (): Promise<BotIdentity> => {
    if (known) return known;
    try {
      const result = await client.auth.test();
      known = {
        ...(result.user_id ? { botUserId: result.user_id } : {}),
        ...(result.bot_id ? { botId: result.bot_id } : {}),
        ...(result.team_id ? { teamId: result.team_id } : {}),
        ...(result.enterprise_id ? { enterpriseId: result.enterprise_id } : {}),
      };
      return known;
    } catch (error) {
      logger.warn({ err: describe(error) }, 'slack auth.test failed; will try again on the next event');
      return {};
    }
  };
}
