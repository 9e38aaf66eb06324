import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { testDatabaseServerUrl } from '../../config';
import { type Database, openDatabase } from './client';

/**
 * A fresh, migrated database for one test file: embedded PGlite in memory by default, or — when
 * DATABASE_URL is set (CI's second run) — a throw-away database created on that server, so
 * test files running in parallel never see each other's rows.
 */
export async function openTestDatabase(): Promise<Database & { label: string }> {
  const url = testDatabaseServerUrl();
  if (!url) {
    const database = await openDatabase({ kind: 'pglite' });
    await database.migrate();
    return { ...database, label: 'pglite' };
  }

  const name = `stagecoach_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: target.toString(), maxConnections: 5 });
  await database.migrate();
  return {
    ...database,
    label: 'postgres',
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
