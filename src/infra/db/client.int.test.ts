import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { people } from './schema';
import { openTestDatabase } from './test-database';

describe('the database factory', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('applies every migration so the tables exist', async () => {
    await database.db.insert(people).values({ id: 'p1', email: 'a@b.nl', name: 'A', createdAt: new Date(0) });
    const rows = await database.db.select().from(people);
    expect(rows).toHaveLength(1);
  });

  it('running the migrations again changes nothing', async () => {
    await database.migrate();
    const result = await database.db.execute(sql`select count(*)::int as n from people`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
    expect(rows[0]?.n).toBe(1);
  });
});
