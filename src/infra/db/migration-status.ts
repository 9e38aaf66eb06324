import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, MIGRATIONS_FOLDER } from './client';
import { rowsOf } from './rows';

/** How many migrations the code ships versus how many the database has applied. */
export async function migrationStatus(
  db: Db,
): Promise<{ expected: number; applied: number; current: boolean }> {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  let applied = 0;
  try {
    const result = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    applied = rowsOf<{ n: number }>(result)[0]?.n ?? 0;
  } catch {
    applied = 0; // the migrations table does not exist yet
  }
  return { expected: journal.entries.length, applied, current: applied >= journal.entries.length };
}
