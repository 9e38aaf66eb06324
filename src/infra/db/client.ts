import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir } from './lock';
import { migratedTemplate, PGLITE_CONF } from './pglite-template';
import * as schema from './schema';

/** The drizzle API both drivers share. Repositories and use cases only ever see this. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const MIGRATIONS_FOLDER = join(fileURLToPath(new URL('.', import.meta.url)), '../../../migrations');

/** Serialises migrations across instances sharing one Postgres. Arbitrary but fixed. */
const MIGRATION_LOCK_ID = 7_210_311;

export type DatabaseOptions = (
  | { kind: 'postgres'; url: string; maxConnections?: number }
  /** `dataDir` undefined = in memory (tests, demo). */
  | { kind: 'pglite'; dataDir?: string }
) & {
  /** Told every statement drizzle runs (tests count round trips with it). */
  onQuery?: (query: string) => void;
};

const drizzleLogger = ({ onQuery }: DatabaseOptions) =>
  onQuery ? { logger: { logQuery: (query: string) => onQuery(query) } } : {};

/**
 * Each driver is imported only when it is opened: PGlite's WASM engine alone costs about 45 MiB
 * of a process that runs on PostgreSQL, and the postgres.js driver is useless to PGlite.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const [{ default: postgres }, { drizzle: drizzlePostgres }, { migrate: migratePostgres }] =
      await Promise.all([
        import('postgres'),
        import('drizzle-orm/postgres-js'),
        import('drizzle-orm/postgres-js/migrator'),
      ]);
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {}, // "relation already exists" notices from idempotent DDL are noise
      // After a server restart, reconnect within a second instead of the driver's default
      // (growing to 20 s per connection), so acts and sends resume quickly. Seconds.
      backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
      // A connection attempt that hangs (a server restarting behind a proxy or load balancer) is
      // given up after 5 s and tried again, instead of the driver's 30 s in which the dispatcher
      // waits on it (seen in src/faults/postgres-restart). Seconds.
      connect_timeout: 5,
      // We use no custom array types; skipping the type lookup saves a query per connection
      // (and a lookup cut off by a restart fails as an unhandled rejection inside the driver).
      fetch_types: false,
    });
    const db = drizzlePostgres(client, { schema, ...drizzleLogger(options) }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: async () => {
        // An advisory lock belongs to the session that took it: take and release it on a
        // connection of its own (through the pool the unlock could run on another connection
        // and leave the lock held). The migrator runs on the pool meanwhile; a second instance
        // waits at the lock until the first is done. (postgres.js `reserve()` would be the
        // obvious tool, but the migrator's transaction then never starts.)
        const lock = postgres(options.url, { max: 1, onnotice: () => {}, fetch_types: false });
        try {
          await lock`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
          try {
            await migratePostgres(drizzlePostgres(client, { schema }), {
              migrationsFolder: MIGRATIONS_FOLDER,
            });
          } finally {
            await lock`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
          }
        } finally {
          await lock.end({ timeout: 5 });
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }

  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }, { pgliteForDrizzle }] =
    await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
      import('./pglite-parsers'),
    ]);
  const lock = options.dataDir ? lockDataDir(options.dataDir) : undefined;
  try {
    const pgdata = options.dataDir ? join(options.dataDir, 'pgdata') : undefined;
    // A new database starts from the migrated template instead of running initdb (see there).
    const loadDataDir =
      pgdata && existsSync(join(pgdata, 'PG_VERSION'))
        ? undefined
        : await migratedTemplate(PGlite, MIGRATIONS_FOLDER, (fresh) =>
            migratePglite(drizzlePglite(fresh, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
          );
    const settings = {
      postgresqlconf: PGLITE_CONF,
      ...(loadDataDir ? { loadDataDir } : {}),
    };
    const client = pgdata ? new PGlite(pgdata, settings) : new PGlite(settings);
    await client.waitReady;
    const pglite = drizzlePglite(pgliteForDrizzle(client), { schema, ...drizzleLogger(options) });
    return {
      db: pglite as unknown as Db,
      kind: 'pglite',
      migrate: () => migratePglite(pglite, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
