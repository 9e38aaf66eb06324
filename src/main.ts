import { randomUUID } from 'node:crypto';
import { createSlackAdapter } from '../adapters/slack';
import { createTeamsAdapter } from '../adapters/teams';
import type { AppContext } from './app/context';
import { type App, createApp } from './app/create-app';
import { type Clock, type Gateway, systemClock } from './app/ports';
import { createUndeliverableHandler } from './app/undeliverable';
import type { Config } from './config';
import { type Cipher, createCipher, loadOrCreateDevKey } from './infra/crypto';
import { type Database, openDatabase } from './infra/db/client';
import { migrationStatus } from './infra/db/migration-status';
import { createConversationRefStore } from './infra/db/repositories/conversation-refs';
import { resealAll } from './infra/db/reseal';
import { goals } from './infra/db/schema';
import { createHttpServer } from './infra/http/server';
import type { Logger } from './infra/logging';
import { createCoordinatorAlerter, createDefaultResolver, createDispatcher } from './infra/outbox';
import type { Dispatcher } from './infra/outbox/dispatcher';
import { createScheduler, type Scheduler } from './infra/scheduler';

export type RuntimeOptions = {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** An already open database (tests, demo); otherwise one is opened from the config. */
  database?: Database;
  /** Extra gateways, e.g. the console's. */
  gateways?: Gateway[];
  /** Mount Slack/Teams and the HTTP server (not for one-shot CLI commands). */
  serve?: boolean;
  /** Interface the HTTP server binds; all interfaces when unset. Tests use 127.0.0.1. */
  host?: string;
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
  /** Starts HTTP (when serving), the scheduler (when on) and the dispatcher loop. */
  start(): Promise<{ port: number | null }>;
  close(): Promise<void>;
};

const DISPATCH_INTERVAL_MS = 2_000;

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
 * runs — `start`, `tick`, the console, the demo — is built here.
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
  await database.migrate();
  const cipher = createContentCipher(config, logger);
  // Learning goals were stored in plain text before they were encrypted: seal any still plain.
  const sealed = (await resealAll(database.db, cipher, { only: 'plain', tables: [goals] })).reduce(
    (n, c) => n + c.sealed,
    0,
  );
  if (sealed > 0) logger.info({ sealed }, 'sealed values that were still in plain text');

  let kick = () => {};
  const ctx: AppContext = {
    db: database.db,
    cipher,
    clock,
    logger,
    defaultLocale: config.defaultLocale,
    defaultTimezone: config.timezone,
    kick: () => kick(),
  };
  const app = createApp(ctx);

  const gateways: Gateway[] = [...(options.gateways ?? [])];
  const slack =
    options.serve && config.slack
      ? createSlackAdapter({
          config: config.slack,
          handler: app.handler,
          logger,
          clock,
          defaultLocale: config.defaultLocale,
        })
      : undefined;
  const teams =
    options.serve && config.teams
      ? createTeamsAdapter({
          config: config.teams,
          handler: app.handler,
          refs: createConversationRefStore(database.db, clock),
          logger,
          clock,
          production: config.env === 'production',
        })
      : undefined;
  if (slack) gateways.push(slack.gateway);
  if (teams) gateways.push(teams.gateway);

  const dispatcher = createDispatcher({
    db: database.db,
    cipher,
    gateways,
    resolve: createDefaultResolver({ gateways, clock }),
    onUndeliverable: createUndeliverableHandler(
      database.db,
      createCoordinatorAlerter({
        db: database.db,
        cipher,
        clock,
        logger,
        defaultLocale: config.defaultLocale,
        onEnqueued: () => kick(),
      }),
    ),
    clock,
    logger,
    instanceId,
  });
  // Only a started runtime drains on its own: one-shot commands (tick, import) drain explicitly
  // and close the database right after, which a background drain would race.
  let started = false;
  kick = () => {
    if (started) dispatcher.kick();
  };

  const scheduler = createScheduler({
    db: database.db,
    jobs: app.jobs,
    timezone: config.timezone,
    clock,
    logger,
    instanceId,
  });

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
        health: async () => {
          const migrations = await migrationStatus(database.db);
          return {
            ok: migrations.current,
            database: database.kind,
            migrations,
            scheduler: config.schedulerEnabled ? 'on' : 'off',
            platforms: gateways.map((g) => g.platform),
          };
        },
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
    async start() {
      started = true;
      const port = http ? await http.listen() : null;
      await slack?.start();
      if (config.schedulerEnabled) await scheduler.start();
      dispatcher.start(DISPATCH_INTERVAL_MS);
      return { port };
    },
    async close() {
      await scheduler.stop();
      await dispatcher.stop();
      await slack?.stop();
      await http?.close();
      await database.close();
    },
  };
}
