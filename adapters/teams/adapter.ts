import type { IncomingMessage, ServerResponse } from 'node:http';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Clock, ConversationRefStore, Gateway, InboundHandler } from '../../src/app/ports';
import { ConfigError, type TeamsConfig } from '../../src/config';
import { renderAdapterNotice } from '../../src/core/notices/adapter-notice';
import type { Logger } from '../../src/infra/logging';
import { BodyError } from '../shared/body';
import { tenantOf } from './activity';
import { StagecoachTeamsBot } from './bot';
import { createTeamsGateway } from './gateway';
import { createShimRequest, createShimResponse, readJsonBody, sendStatus } from './http-shim';
import { localeOf } from './locale';
import { createMemberDirectory } from './members';
import { renderActivity } from './render';
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
  /** Tests only: where the Bot Framework signing keys are published (a local fake). */
  openIdMetadataUrl?: string;
  /** Hosts a shared file may be downloaded from (default: SharePoint/OneDrive, see deliver.ts). */
  fileHosts?: readonly string[];
};

export type TeamsAdapter = {
  /** The shared HTTP server routes `POST /api/messages` here. */
  handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void>;
  gateway: Gateway;
};

/** Outbound Teams only: the CloudAdapter for proactive sends and the outbox gateway. No HTTP. */
export type TeamsOutbound = {
  adapter: CloudAdapter;
  auth: ConfigurationBotFrameworkAuthentication;
  gateway: Gateway;
};

/**
 * What every process that dispatches needs (server, `tick`, a worker): proactive sends through
 * the stored conversation references, without an HTTP endpoint. The server's inbound side
 * authenticates requests with the same `auth`.
 */
export function createTeamsOutbound(options: {
  config: TeamsConfig;
  refs: ConversationRefStore;
  logger: Logger;
  clock: Clock;
  /** Tests only: where the Bot Framework signing keys are published (a local fake). */
  openIdMetadataUrl?: string;
}): TeamsOutbound {
  const { config } = options;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppTenantId: config.tenantId ?? '',
    // Without an app id only MultiTenant is valid: botbuilder asserts ids for the other types.
    MicrosoftAppType: config.appId ? config.appType : 'MultiTenant',
    ...(options.openIdMetadataUrl ? publicCloudWithKeysAt(options.openIdMetadataUrl) : {}),
  });
  const adapter = new CloudAdapter(auth);
  const gateway = createTeamsGateway({
    adapter,
    appId: config.appId,
    refs: options.refs,
    throttle: createThrottle(options.clock),
    clock: options.clock,
    logger: options.logger.child({ platform: 'teams' }),
  });
  return { adapter, auth, gateway };
}

export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const { config, logger, clock } = options;
  checkSafety(options);

  const { adapter, auth, gateway } = options.outbound ?? createTeamsOutbound(options);
  const bot = new StagecoachTeamsBot({
    handler: options.handler,
    refs: options.refs,
    members: createMemberDirectory({ clock, logger }),
    gateway,
    clock,
    logger,
    ...(options.fileHosts ? { fileHosts: options.fileHosts } : {}),
  });

  // Last line of defence: the bot guards its own work, this catches anything around it.
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: { name: error.name, message: error.message } }, 'teams: unhandled turn error');
    if (context.activity.type === 'invoke') return;
    await context
      .sendActivity(renderActivity(renderAdapterNotice('failed', localeOf(context.activity.locale))))
      .catch(() => undefined);
  };

  const allowed = new Set(config.allowedTenants);

  /*
   * botbuilder does the authentication: `auth.authenticateStreamingRequest` checks the Bot
   * Framework JWT (signature, issuer, audience, expiry) and `adapter.process` checks it again with
   * the activity. What we add around it, because botbuilder has no place for it:
   * - the token is checked before the body is read, so an anonymous caller cannot make us
   *   buffer or parse anything (botbuilder's `process` wants the parsed body first);
   * - the body is read with the shared limits (adapters/shared/body.ts);
   * - a tenant allow-list (403), since one Azure bot may be installed by any tenant;
   * - without an app id, botbuilder accepts anything: we only allow that as an explicit
   *   development mode, answering this machine only.
   */
  return {
    gateway,
    async handleHttp(req, res) {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        sendStatus(res, 405);
        return;
      }
      // 1. Who is calling, before a single byte of the body is looked at.
      if (config.appId) {
        const header = req.headers.authorization;
        if (!header) {
          sendStatus(res, 401);
          return;
        }
        try {
          await auth.authenticateStreamingRequest(header, 'msteams');
        } catch (error) {
          // Invalid, expired, unsigned or unverifiable (key endpoint unreachable): all the same
          // to the caller, a bare 401. The reason goes to our log only, never the token.
          logger.warn({ reason: error instanceof Error ? error.name : 'unknown' }, 'teams: token refused');
          sendStatus(res, 401);
          return;
        }
      } else if (!isLoopback(req.socket.remoteAddress)) {
        // The unauthenticated development mode only ever answers this machine.
        sendStatus(res, 403);
        return;
      }
      // 2. The body: size-capped while reading, then JSON.
      let body: Record<string, unknown>;
      try {
        body = await readJsonBody(req);
      } catch (error) {
        sendStatus(res, error instanceof BodyError ? error.status : 400);
        return;
      }
      // 3. Which school: a tenant that is not on the list never reaches identity or the database.
      const tenant = tenantOf(body as Parameters<typeof tenantOf>[0]);
      // (An empty list exists only outside production: see checkSafety.)
      if (allowed.size > 0 && (!tenant || !allowed.has(tenant))) {
        logger.warn('teams: activity from a tenant that is not allowed; refused');
        sendStatus(res, 403);
        return;
      }
      try {
        await adapter.process(createShimRequest(req, body), createShimResponse(res), (context) =>
          bot.run(context),
        );
      } catch (error) {
        logger.error(
          { err: { name: error instanceof Error ? error.name : 'unknown' } },
          'teams: processing a request failed',
        );
        sendStatus(res, 500);
      }
    },
  };
}

/**
 * Overriding one endpoint makes botbuilder drop all its public-cloud defaults, so a test that
 * publishes its own signing keys restates the rest.
 */
function publicCloudWithKeysAt(url: string): Record<string, unknown> {
  return {
    ToBotFromChannelOpenIdMetadataUrl: url,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl:
      'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    OAuthUrl: 'https://api.botframework.com',
    ValidateAuthority: true,
    CallerId: 'urn:botframework:azure',
  };
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function checkSafety({ config, logger, production }: TeamsAdapterOptions): void {
  if (!config.appId) {
    if (production) {
      throw new ConfigError([
        'NODE_ENV=production needs MICROSOFT_APP_ID (and MICROSOFT_APP_PASSWORD): Teams authentication can never be off.',
      ]);
    }
    if (!config.unauthenticatedDev) {
      throw new ConfigError([
        'Set MICROSOFT_APP_ID for Teams, or TEAMS_UNAUTHENTICATED_DEV=on for local development without authentication.',
      ]);
    }
    logger.warn(
      'teams: TEAMS_UNAUTHENTICATED_DEV=on — the Teams endpoint runs WITHOUT AUTHENTICATION and answers ' +
        '127.0.0.1 only. Development only.',
    );
  }
  if (config.allowedTenants.length === 0) {
    if (production) {
      throw new ConfigError([
        'NODE_ENV=production with Teams needs TEAMS_ALLOWED_TENANTS: otherwise any tenant could link people by e-mail.',
      ]);
    }
    logger.warn('teams: TEAMS_ALLOWED_TENANTS is empty — development only; production refuses to start.');
  }
}
