import { createConsoleGateway } from '../../../adapters/console/gateway';
import type { Message } from '../../core/messages/model';
import { type Cipher, createCipher } from '../../infra/crypto';
import type { Database } from '../../infra/db/client';
import { findPersonByEmail, linkIdentity } from '../../infra/db/repositories/people';
import { createDbStores } from '../../infra/db/stores';
import { openTestDatabase } from '../../infra/db/test-database';
import { silentLogger } from '../../infra/logging';
import { createCoordinatorAlerter, createDefaultResolver, createDispatcher } from '../../infra/outbox';
import type { Dispatcher } from '../../infra/outbox/dispatcher';
import type { DispatchSummary } from '../../infra/outbox/types';
import { runDueJobsAt } from '../../infra/scheduler';
import type { FireReport } from '../../infra/scheduler/types';
import { EVERY_COHORT } from '../access/reach';
import { type App, createApp } from '../create-app';
import type { InboundPayload } from '../inbound';
import { type ImportSummary, importPlacements } from '../placements/import-placements';
import type { Address, Clock, InboundResult } from '../ports';
import type { StoreAccess } from '../stores/stores';

/**
 * The whole app on a real test database (PGlite, or Postgres with DATABASE_URL), driven the way
 * the console platform drives it: acts become `Inbound`s, `tick` runs the scheduler's jobs and
 * drains the outbox into a recording console gateway. Time is a settable clock.
 */

/** A fixed 32-byte key: tests can decrypt what the app stored. */
export const TEST_KEY = Buffer.alloc(32, 42);
export const CONSOLE_TENANT = 'console';

export type SettableClock = Clock & { set(at: Date): void };

export function createSettableClock(start: Date): SettableClock {
  let current = start;
  return {
    now: () => current,
    set: (at) => {
      current = at;
    },
  };
}

export type Delivery = { to: string; message: Message };

export type AppHarness = {
  database: Database;
  /** The database stores the app runs on (same database, same key). */
  stores: StoreAccess;
  cipher: Cipher;
  clock: SettableClock;
  app: App;
  dispatcher: Dispatcher;
  /** Everything the console gateway delivered, in order; `to` is the e-mail (or `#channel`). */
  sent: Delivery[];
  /** How often the app asked for a dispatch (it queued messages): a test may drain only then. */
  readonly dispatchRequests: number;
  /** A new app and dispatcher on the same database: what a server restart does. */
  restart(): void;
  seed(csv: string, at: Date): Promise<ImportSummary>;
  personId(email: string): Promise<string>;
  say(email: string, text: string, at: Date): Promise<InboundResult>;
  click(
    email: string,
    actionId: string,
    value: string | undefined,
    at: Date,
    formValues?: Record<string, string>,
  ): Promise<InboundResult>;
  command(email: string, text: string, at: Date): Promise<InboundResult>;
  /** Any payload (a file, a form) as that person. */
  act(email: string, payload: InboundPayload, at: Date): Promise<InboundResult>;
  /** `stagecoach tick --at`: every job due at `at`, then the outbox drained. */
  tick(at: Date): Promise<{ jobs: FireReport[]; dispatched: DispatchSummary }>;
  /** Messages delivered to one person (by e-mail), optionally only those with a key prefix. */
  sentTo(email: string, keyPrefix?: string): Message[];
  close(): Promise<void>;
};

const addressLabel = (address: Address): string =>
  address.kind === 'user' ? address.platformUserId : `#${address.channelId}`;

export async function createAppHarness(
  options: { start?: Date; database?: Database; rateLimit?: { acts: number; perMs: number } } = {},
) {
  const database = options.database ?? (await openTestDatabase());
  const cipher = createCipher(TEST_KEY);
  const stores = createDbStores(database.db, cipher);
  const clock = createSettableClock(options.start ?? new Date('2027-01-04T09:00:00Z'));
  const sent: Delivery[] = [];
  const gateway = createConsoleGateway((address, message) =>
    sent.push({ to: addressLabel(address), message }),
  );
  let counter = 0;
  let dispatchRequests = 0;

  function build(): { app: App; dispatcher: Dispatcher } {
    const app = createApp({
      stores,
      clock,
      logger: silentLogger,
      defaultLocale: 'nl',
      defaultTimezone: 'Europe/Amsterdam',
      // Tests drain explicitly, so every delivery is awaited and counted.
      dispatchSoon: () => {
        dispatchRequests += 1;
      },
      // Tests act many times at one frozen instant; the limit itself is tested on its own.
      rateLimit: options.rateLimit ?? { acts: 1_000_000, perMs: 60_000 },
    });
    const dispatcher = createDispatcher({
      db: database.db,
      cipher,
      gateways: [gateway],
      resolve: createDefaultResolver({ gateways: [gateway], clock }),
      onUndeliverable: createCoordinatorAlerter({
        db: database.db,
        cipher,
        clock,
        logger: silentLogger,
        defaultLocale: 'nl',
      }),
      clock,
      logger: silentLogger,
      instanceId: `harness-${++counter}`,
      // The clock stands still inside a test: pacing would hold back a second message forever.
      options: { paceMs: 0 },
    });
    return { app, dispatcher };
  }

  let running = build();
  let acts = 0;

  async function act(email: string, payload: InboundPayload, at: Date): Promise<InboundResult> {
    clock.set(at);
    const person = await findPersonByEmail(database.db, email);
    if (person) {
      await linkIdentity(
        database.db,
        person.id,
        { platform: 'console', tenant: CONSOLE_TENANT, platformUserId: person.email },
        at,
      );
    }
    acts += 1;
    const result = await running.app.handler.handle({
      platform: 'console',
      tenant: CONSOLE_TENANT,
      user: { platformUserId: email.toLowerCase(), email },
      conversation: { id: email.toLowerCase(), kind: 'direct' },
      sentAt: at,
      dedupeKey: `act-${acts}-${at.getTime()}`,
      payload,
    });
    await running.dispatcher.drain();
    return result;
  }

  const harness: AppHarness = {
    database,
    stores,
    cipher,
    clock,
    get app() {
      return running.app;
    },
    get dispatcher() {
      return running.dispatcher;
    },
    sent,
    get dispatchRequests() {
      return dispatchRequests;
    },
    restart() {
      running = build();
    },
    seed: (csv, at) => importPlacements(stores, csv, { actor: 'cli', reach: EVERY_COHORT, at }),
    async personId(email) {
      const person = await findPersonByEmail(database.db, email);
      if (!person) throw new Error(`No person ${email}`);
      return person.id;
    },
    say: (email, text, at) => act(email, { type: 'text', text }, at),
    click: (email, actionId, value, at, formValues) =>
      act(
        email,
        {
          type: 'action',
          actionId,
          ...(value !== undefined ? { value } : {}),
          ...(formValues ? { formValues } : {}),
        },
        at,
      ),
    command: (email, text, at) => act(email, { type: 'command', text }, at),
    act,
    async tick(at) {
      clock.set(at);
      const jobs = await runDueJobsAt(database.db, running.app.jobs, at, {
        logger: silentLogger,
        instanceId: 'harness-tick',
        clock,
      });
      const failed = jobs.filter((job) => job.failed);
      if (failed.length > 0)
        throw new Error(`Jobs failed: ${failed.map((f) => `${f.job}: ${f.summary}`).join('; ')}`);
      const dispatched = await running.dispatcher.drain();
      return { jobs, dispatched };
    },
    sentTo: (email, keyPrefix) =>
      sent
        .filter((d) => d.to === email.toLowerCase() && (!keyPrefix || d.message.key.startsWith(keyPrefix)))
        .map((d) => d.message),
    async close() {
      await running.dispatcher.stop();
      if (!options.database) await database.close();
    },
  };
  return harness;
}

export { textOf } from './text-of';
