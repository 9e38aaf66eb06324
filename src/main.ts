import { randomUUID } from 'node:crypto';
import type { SlackAdapter } from '../adapters/slack';
import type { TeamsAdapter } from '../adapters/teams';
import type { AppContext } from './app/context';
import { type App, createApp } from './app/create-app';
import { type Clock, type Gateway, systemClock } from './app/ports';
import { createUndeliverableHandler } from './app/undeliverable';
import type { Config } from './config';
import { type Cipher, createCipher, keyIdOf, loadOrCreateDevKey } from './infra/crypto';
import { type Database, openDatabase } from './infra/db/client';
import { migrationStatus } from './infra/db/migration-status';
import { createConversationRefStore } from './infra/db/repositories/conversation-refs';
import { resealAll } from './infra/db/reseal';
import { goals } from './infra/db/schema';
import { storesOnDb } from './infra/db/stores';
import { createHttpServer, type HealthReport } from './infra/http/server';
import { checkEncryptionKey } from './infra/key-check';
import type { Logger } from './infra/logging';
import { createCoordinatorAlerter, createDefaultResolver, createDispatcher } from './infra/outbox';
import { createOutageAlerter } from './infra/outbox/alerter';
import { createCircuitBreaker } from './infra/outbox/circuit';
import type { Dispatcher, DispatcherOptions } from './infra/outbox/dispatcher';
import { createScheduler, type Scheduler } from './infra/scheduler';

export type RuntimeOptions = {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** An already open database (tests, demo); otherwise one is opened from the config. */
  database?: Database;
  /** Extra gateways, e.g. the console's. */
  gateways?: Gateway[];
  /** Mount Slack/Teams inbound and the HTTP server (not for one-shot CLI commands). */
  serve?: boolean;
  /** Interface the HTTP server binds; all interfaces when unset. Tests use 127.0.0.1. */
  host?: string;
  /** ms a shutdown waits for the dispatcher's send in progress (default 10 s). */
  shutdownDrainMs?: number;
  /** Dispatcher tuning, e.g. the bench's unthrottled fake platform. */
  dispatcherOptions?: Partial<DispatcherOptions>;
};

export type Runtime = {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: Database;
  cipher: Cipher;
  app: App;
  dispatcher: Dispatcher;
  scheduler: Scheduler;
  gateways: Gateway[];
  /** What `GET /healthz` answers: `ok`, `degraded` (a platform refuses us), `stopping`, `migrations-behind`. */
  health(): Promise<HealthReport>;
  /** Starts HTTP (when serving), the scheduler (when on) and the dispatcher loop. */
  start(): Promise<{ port: number | null }>;
  /**
   * Graceful stop: `/healthz` turns 503, HTTP stops taking requests and finishes those in flight,
   * the scheduler stops, the dispatcher finishes its send in progress (bounded), then the
   * database closes.
   */
  close(): Promise<void>;
};

const DISPATCH_INTERVAL_MS = 2_000;
/** ms a shutdown waits for the dispatcher; rows still leased go to the next process after their lease. */
const SHUTDOWN_DRAIN_MS = 10_000;

function createContentCipher(config: Config, logger: Logger): Cipher {
  if (config.encryptionKey) return createCipher(config.encryptionKey, config.previousEncryptionKeys);
  const { key, created, path } = loadOrCreateDevKey(config.dataDir);
  const note =
    'STAGECOACH_ENCRYPTION_KEY is not set: using a development key file. Set the variable in production.';
  if (created) logger.warn({ path }, `${note} Created ${path}.`);
  else logger.warn({ path }, note);
  return createCipher(key);
}

/**
 * The composition root: plain values and factory closures wired once. Everything a process
 * runs — `start`, `tick`, the console, the demo — is built here, and every process that
 * dispatches gets the outbound side of every configured platform. A platform's SDK is loaded
 * only when its credentials are set.
 */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const instanceId = `stagecoach-${randomUUID().slice(0, 8)}`;
  const database =
    options.database ??
    (await openDatabase(
      config.databaseUrl
        ? { kind: 'postgres', url: config.databaseUrl }
        : { kind: 'pglite', dataDir: config.dataDir },
    ));
  let draining = false;
  let cipher: Cipher;
  try {
    await database.migrate();
    cipher = createContentCipher(config, logger);
    // Before anything is written: refuse a key the data was not written with.
    await checkEncryptionKey(database.db, cipher, config.previousEncryptionKeys.map(keyIdOf), clock.now());
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
  // Learning goals were stored in plain text before they were encrypted: seal any still plain.
  const sealed = (await resealAll(database.db, cipher, { only: 'plain', tables: [goals] })).reduce(
    (n, c) => n + c.sealed,
    0,
  );
  if (sealed > 0) logger.info({ sealed }, 'sealed values that were still in plain text');

  let dispatchSoon = () => {};
  const ctx: AppContext = {
    stores: storesOnDb(database.db, cipher),
    clock,
    logger,
    defaultLocale: config.defaultLocale,
    defaultTimezone: config.timezone,
    dispatchSoon: () => dispatchSoon(),
  };
  const app = createApp(ctx);
  const refs = createConversationRefStore(database.db, clock);

  const gateways: Gateway[] = [...(options.gateways ?? [])];
  let slack: SlackAdapter | undefined;
  let teams: TeamsAdapter | undefined;
  if (config.slack) {
    const { createSlackAdapter, createSlackOutbound } = await import('../adapters/slack');
    const outbound = createSlackOutbound({ config: config.slack, logger });
    gateways.push(outbound.gateway);
    if (options.serve) {
      slack = createSlackAdapter({
        config: config.slack,
        handler: app.handler,
        logger,
        clock,
        defaultLocale: config.defaultLocale,
        outbound,
      });
    }
  }
  if (config.teams) {
    const { createTeamsAdapter, createTeamsOutbound } = await import('../adapters/teams');
    const outbound = createTeamsOutbound({ config: config.teams, refs, logger, clock });
    gateways.push(outbound.gateway);
    if (options.serve) {
      teams = createTeamsAdapter({
        config: config.teams,
        handler: app.handler,
        refs,
        logger,
        clock,
        production: config.env === 'production',
        outbound,
      });
    }
  }

  const breaker = createCircuitBreaker();
  const dispatcher = createDispatcher({
    db: database.db,
    cipher,
    gateways,
    breaker,
    resolve: createDefaultResolver({ gateways, clock, inOutage: breaker.covers }),
    onUndeliverable: createUndeliverableHandler(
      ctx.stores.people,
      createCoordinatorAlerter({
        db: database.db,
        cipher,
        clock,
        logger,
        defaultLocale: config.defaultLocale,
        onEnqueued: () => dispatchSoon(),
      }),
    ),
    onOutage: createOutageAlerter({
      db: database.db,
      cipher,
      logger,
      defaultLocale: config.defaultLocale,
      platforms: gateways.map((gateway) => gateway.platform),
      onEnqueued: () => dispatchSoon(),
    }),
    clock,
    logger,
    instanceId,
    ...(options.dispatcherOptions ? { options: options.dispatcherOptions } : {}),
  });
  // Only a started runtime drains on its own: one-shot commands (tick, import) drain explicitly
  // and close the database right after, which a background drain would race.
  let started = false;
  dispatchSoon = () => {
    if (started) dispatcher.dispatchSoon();
  };

  const scheduler = createScheduler({
    db: database.db,
    jobs: app.jobs,
    timezone: config.timezone,
    clock,
    logger,
    instanceId,
  });

  async function health(): Promise<HealthReport> {
    if (draining) return { ok: false, status: 'stopping' };
    const migrations = await migrationStatus(database.db);
    const outages = dispatcher.outages().map((outage) => ({
      platform: outage.scope.platform,
      ...(outage.scope.tenant === undefined ? {} : { tenant: outage.scope.tenant }),
      reason: outage.reason,
      since: outage.since.toISOString(),
      nextProbeAt: outage.nextProbeAt.toISOString(),
    }));
    return {
      ok: migrations.current,
      status: !migrations.current ? 'migrations-behind' : outages.length > 0 ? 'degraded' : 'ok',
      database: database.kind,
      migrations,
      scheduler: config.schedulerEnabled ? 'on' : 'off',
      platforms: gateways.map((g) => g.platform),
      outages,
    };
  }

  const http = options.serve
    ? createHttpServer({
        port: config.port,
        // Unauthenticated Teams (explicit development opt-in) is reachable from this machine only.
        ...(config.teams?.unauthenticatedDev
          ? { host: '127.0.0.1' }
          : options.host
            ? { host: options.host }
            : {}),
        logger,
        ...(slack ? { slack: slack.handleHttp } : {}),
        ...(teams ? { teams: teams.handleHttp } : {}),
        health,
      })
    : undefined;

  return {
    config,
    logger,
    clock,
    database,
    cipher,
    app,
    dispatcher,
    scheduler,
    gateways,
    health,
    async start() {
      started = true;
      const port = http ? await http.listen() : null;
      await slack?.start();
      if (config.schedulerEnabled) await scheduler.start();
      dispatcher.start(DISPATCH_INTERVAL_MS);
      return { port };
    },
    async close() {
      draining = true;
      await http?.close();
      await slack?.stop();
      await scheduler.stop();
      await withTimeout(dispatcher.stop(), options.shutdownDrainMs ?? SHUTDOWN_DRAIN_MS, () =>
        logger.warn('shutdown: the dispatcher did not finish in time; leased rows go out after their lease'),
      );
      await database.close();
    },
  };
}

async function withTimeout(work: Promise<void>, ms: number, onTimeout: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      onTimeout();
      resolve();
    }, ms);
  });
  await Promise.race([work, timeout]);
  clearTimeout(timer);
}
