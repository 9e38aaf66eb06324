import { randomBytes } from 'node:crypto';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import postgres from 'postgres';
import { inject } from 'vitest';
import { testDatabaseServerUrl } from '../../config';
import { type Database, type Db, MIGRATIONS_FOLDER, openDatabase } from './client';
import { pgliteForDrizzle } from './pglite-parsers';
import { PGLITE_CONF } from './pglite-template';
import * as schema from './schema';

/**
 * A fresh, migrated database for one test file: embedded PGlite in memory by default, or — when
 * DATABASE_URL is set (CI's second run) — a throw-away database created on that server, so
 * test files running in parallel never see each other's rows. Both start as a copy of the
 * migrated template the `int` project's global setup provides (./test-templates.ts); a PGlite
 * database is emptied and reused by the worker's next test file once closed.
 */
export async function openTestDatabase(): Promise<Database & { label: string }> {
  const url = testDatabaseServerUrl();
  if (!url) {
    const template = inject('pgliteTemplateTar');
    if (!template) {
      // Outside the `int` project (no global setup): a new cluster, migrated here.
      const database = await openDatabase({ kind: 'pglite' });
      await database.migrate();
      return { ...database, label: 'pglite' };
    }
    const client = await takePglite(template);
    const db = drizzle(pgliteForDrizzle(client), { schema });
    let closed = false;
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      label: 'pglite',
      migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: async () => {
        if (closed) return;
        closed = true;
        await giveBackPglite(client);
      },
    };
  }

  const { url: target, drop } = await createServerDatabase(url);
  const database = await openDatabase({ kind: 'postgres', url: target, maxConnections: 5 });
  return {
    ...database,
    label: 'postgres',
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

/**
 * Idle PGlite databases of this worker process, emptied and ready for the next test file.
 * Starting a PGlite database from the template costs 250–800 ms of CPU (a Postgres starting
 * inside WASM); emptying one costs a few milliseconds. Before, 76 starts were a quarter of the
 * `int` project's CPU time on PGlite. A few are kept: some tests hold several at once.
 */
const idlePglite: PGlite[] = [];
const MAX_IDLE_PGLITE = 3;
/** The template's schema as the first PGlite database of this process found it. */
let templateShape: string | undefined;

/**
 * What makes a database the template apart from its rows: tables, columns, indexes and the
 * migrations journal. A test that changed any of it leaves a database that is not reused.
 */
async function schemaShape(client: PGlite): Promise<string> {
  const { rows } = await client.query<{ shape: string }>(`
    select concat_ws('|',
      (select string_agg(table_schema || '.' || table_name || '.' || column_name || ':' || data_type, ',' order by 1)
         from information_schema.columns where table_schema in ('public', 'drizzle')),
      (select string_agg(indexname, ',' order by 1) from pg_indexes where schemaname in ('public', 'drizzle')),
      (select count(*)::text from drizzle.__drizzle_migrations)) as shape`);
  return rows[0]?.shape ?? '';
}

async function takePglite(templateTar: string): Promise<PGlite> {
  const reused = idlePglite.pop();
  if (reused) return reused;
  const client = new PGlite({
    loadDataDir: new Blob([readFileSync(templateTar)]),
    postgresqlconf: PGLITE_CONF,
  });
  await client.waitReady;
  templateShape ??= await schemaShape(client);
  return client;
}

/**
 * Empties a test's database (rows, sequences, session state) and keeps it for the next, unless
 * the test left it unfit: inside a transaction, broken, or with a changed schema.
 */
async function giveBackPglite(client: PGlite): Promise<void> {
  if (client.closed) return;
  try {
    if (idlePglite.length >= MAX_IDLE_PGLITE) throw new Error('enough kept');
    await client.exec(`do $$ begin
      execute (select 'truncate table ' || string_agg(format('%I.%I', schemaname, tablename), ', ')
                 || ' restart identity cascade' from pg_tables where schemaname = 'public');
    end $$`);
    await client.exec('discard all');
    if ((await schemaShape(client)) !== templateShape) throw new Error('schema changed');
    idlePglite.push(client);
  } catch {
    await client.close().catch(() => {});
  }
}

/**
 * A throw-away database on the server at `serverUrl`, copied from the migrated template when
 * the global setup made one. `prefix` names it so CI can drop leftovers of a crashed run.
 */
export async function createServerDatabase(
  serverUrl: string,
  prefix = 'stagecoach_t_',
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  const template = inject('postgresTemplate');
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"${template ? ` template "${template}"` : ''}`);
  // A throw-away database need not wait for each commit to reach the disk: a test never
  // survives a server crash, and every commit of the run would otherwise wait on an fsync.
  await admin.unsafe(`alter database "${name}" set synchronous_commit = off`);
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  return {
    name,
    url: target.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/**
 * Fills `dataDir` (a process's DATA_DIR) with the migrated PGlite cluster of the global setup,
 * so the process skips creating one. Without a global setup the process creates it itself.
 */
export function seedPgliteDataDir(dataDir: string): void {
  const template = inject('pgliteTemplateDir');
  if (template) cpSync(template, join(dataDir, 'pgdata'), { recursive: true });
}
