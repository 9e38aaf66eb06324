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
import * as schema from './schema';

/**
 * A fresh, migrated database for one test file: embedded PGlite in memory by default, or — when
 * DATABASE_URL is set (CI's second run) — a throw-away database created on that server, so
 * test files running in parallel never see each other's rows. Both start as a copy of the
 * database the `int` project's global setup migrated once (./test-templates.ts).
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
    const client = new PGlite({ loadDataDir: new Blob([readFileSync(template)]) });
    await client.waitReady;
    const db = drizzle(client, { schema });
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      label: 'pglite',
      migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: () => client.close(),
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
