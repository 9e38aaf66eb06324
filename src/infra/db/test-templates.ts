import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { testDatabaseServerUrl } from '../../config';
import { MIGRATIONS_FOLDER } from './client';
import { migratedTemplate, PGLITE_CONF } from './pglite-template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data directory on disk, to copy into a process's DATA_DIR. */
    pgliteTemplateDir: string;
    /** The same directory as a tar file, for PGlite's `loadDataDir` (in-memory databases). */
    pgliteTemplateTar: string;
    /** A migrated database on the DATABASE_URL server, to `CREATE DATABASE … TEMPLATE` from. */
    postgresTemplate: string | null;
  }
}

/**
 * Vitest global setup of the `int` project: migrates one database per run, which every test
 * database then starts as a copy of. Creating a PGlite cluster (initdb) costs seconds on this
 * machine, loading a migrated one a fraction of that; on PostgreSQL, copying a template skips
 * the migrations. The migrations still run once per set of migrations (PGlite's template is
 * remembered per installation, keyed by the migration files) and once per run on PostgreSQL, so
 * a broken migration fails the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'stagecoach-template-'));
  const pgdata = join(dir, 'pgdata');
  // The installation's migrated template (./pglite-template.ts): made once per set of
  // migrations, so the demo, the CLI and this run share one initdb.
  const blob = await migratedTemplate(PGlite, MIGRATIONS_FOLDER, (fresh) =>
    migrate(drizzle(fresh), { migrationsFolder: MIGRATIONS_FOLDER }),
  );
  const tar = join(dir, 'pgdata.tar.gz');
  writeFileSync(tar, Buffer.from(await blob.arrayBuffer()));
  // The same cluster as a data directory, for processes started on a DATA_DIR.
  const client = new PGlite(pgdata, { loadDataDir: blob, postgresqlconf: PGLITE_CONF });
  await client.waitReady;
  await client.close();
  project.provide('pgliteTemplateDir', pgdata);
  project.provide('pgliteTemplateTar', tar);

  const serverUrl = testDatabaseServerUrl();
  const template = serverUrl ? `stagecoach_t_template_${randomBytes(4).toString('hex')}` : null;
  project.provide('postgresTemplate', template);
  const admin = serverUrl ? postgres(serverUrl, { max: 1, onnotice: () => {} }) : undefined;
  if (admin && serverUrl && template) {
    await admin.unsafe(`create database "${template}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${template}`;
    const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await migratePostgres(drizzlePostgres(sql), { migrationsFolder: MIGRATIONS_FOLDER });
    // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
    await sql.end({ timeout: 5 });
  }

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (admin && template) {
      await admin.unsafe(`drop database if exists "${template}" with (force)`);
      await admin.end({ timeout: 5 });
    }
  };
}
