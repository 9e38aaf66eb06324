import type { IncomingMessage, ServerResponse } from 'node:http';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Clock, ConversationRefStore, Gateway, InboundHandler } from '../../src/app/ports';
import { ConfigError, type TeamsConfig } from '../../src/config';
import type { Logger } from '../../src/infra/logging';
import { tenantOf } from './activity';
import { StagecoachTeamsBot } from './bot';
import { createTeamsGateway } from './gateway';
import { BodyError, createShimRequest, createShimResponse, readJsonBody, sendStatus } from './http-shim';
import { createMemberDirectory } from './members';
import { renderActivity } from './render';
import { adapterMessage, localeOf } from './texts';
import { createThrottle } from './throttle';

export type TeamsAdapterOptions = {
  /** The process's outbound side, shared with the outbox dispatcher (made here when absent). */
  outbound?: TeamsOutbound;
  config: TeamsConfig;
  handler: InboundHandler;
  refs: ConversationRefStore;
  logger: Logger;
  clock: Clock;
  /** NODE_ENV=production: an app id is required and authentication can never be off. */
  production: boolean;
};

export type TeamsAdapter = {
  /** The shared HTTP server routes `POST /api/messages` here. */
  handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void>;
  gateway: Gateway;
};

/** Outbound Teams only: the CloudAdapter for proactive sends and the outbox gateway. No HTTP. */
export type TeamsOutbound = { adapter: CloudAdapter; gateway: Gateway };

/**
 * What every process that dispatches needs (server, `tick`, a worker): proactive sends through
 * the stored conversation references, without an HTTP endpoint.
 */
export function createTeamsOutbound(options: {
  config: TeamsConfig;
  refs: ConversationRefStore;
  logger: Logger;
  clock: Clock;
}): TeamsOutbound {
  const { config } = options;
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.appId ?? '',
      MicrosoftAppPassword: config.appPassword ?? '',
      MicrosoftAppTenantId: config.tenantId ?? '',
      // Without an app id only MultiTenant is valid: botbuilder asserts ids for the other types.
      MicrosoftAppType: config.appId ? config.appType : 'MultiTenant',
    }),
  );
  const gateway = createTeamsGateway({
    adapter,
    appId: config.appId,
    refs: options.refs,
    throttle: createThrottle(options.clock),
    clock: options.clock,
    logger: options.logger.child({ platform: 'teams' }),
  });
  return { adapter, gateway };
}

export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const { config, logger, clock } = options;
  checkSafety(options);

  const { adapter, gateway } = options.outbound ?? createTeamsOutbound(options);
  const bot = new StagecoachTeamsBot({
    handler: options.handler,
    refs: options.refs,
    members: createMemberDirectory({ clock, logger }),
    gateway,
    clock,
    logger,
  });

  // Last line of defence: the bot guards its own work, this catches anything around it.
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: { name: error.name, message: error.message } }, 'teams: unhandled turn error');
    if (context.activity.type === 'invoke') return;
    await context
      .sendActivity(renderActivity(adapterMessage('failed', localeOf(context.activity.locale))))
      .catch(() => undefined);
  };

  const allowed = new Set(config.allowedTenants);

  return {
    gateway,
    async handleHttp(req, res) {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        sendStatus(res, 405);
        return;
      }
      let body: Record<string, unknown>;
      try {
        body = await readJsonBody(req);
      } catch (error) {
        sendStatus(res, error instanceof BodyError ? error.status : 400);
        return;
      }
      const tenant = tenantOf(body as Parameters<typeof tenantOf>[0]);
      if (allowed.size > 0 && (!tenant || !allowed.has(tenant))) {
        logger.warn({ tenant: tenant ?? null }, 'teams: activity from a tenant that is not allowed; refused');
        sendStatus(res, 403);
        return;
      }
      // botbuilder would refuse too, but only after logging a stack trace for every probe.
      if (config.appId && !req.headers.authorization) {
        sendStatus(res, 401);
        return;
      }
      try {
        await adapter.process(createShimRequest(req, body), createShimResponse(res), (context) =>
          bot.run(context),
        );
      } catch (error) {
        logger.error({ err: String(error) }, 'teams: processing a request failed');
        sendStatus(res, 500);
      }
    },
  };
}

function checkSafety({ config, logger, production }: TeamsAdapterOptions): void {
  if (!config.appId) {
    if (production) {
      throw new ConfigError([
        'NODE_ENV=production needs MICROSOFT_APP_ID (and MICROSOFT_APP_PASSWORD): Teams authentication can never be off.',
      ]);
    }
    logger.warn(
      'teams: MICROSOFT_APP_ID is not set — the Teams endpoint runs WITHOUT AUTHENTICATION. ' +
        'Anyone who can reach /api/messages can act as any user. Development only.',
    );
  }
  if (config.allowedTenants.length === 0 && production) {
    logger.warn('teams: TEAMS_ALLOWED_TENANTS is empty — every Microsoft 365 tenant can use this bot.');
  }
}
