import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteForDrizzle } from './pglite-parsers';

/**
 * The view drops drizzle's per-query parsers only because it gave the client the same ones: the
 * same statements through drizzle give the same values before and after, in a transaction too.
 */
describe('PGlite without per-query parsers', () => {
  const probe = sql`select timestamp '2027-03-28 01:30:00' as ts, timestamptz '2027-03-28 01:30:00+01' as tstz,
    interval '1 day 2 hours' as span, date '2027-04-27' as day, 1.50::numeric as amount,
    array[1.5, 2]::numeric[] as amounts, array[date '2027-01-01'] as days,
    array[timestamptz '2027-10-31 02:30:00+01'] as moments, 7::int as n, true as yes, '{"a":1}'::jsonb as doc`;
  let client: PGlite;
  let plain: { rows: unknown[]; inTransaction: unknown[] };
  beforeAll(async () => {
    client = new PGlite();
    await client.waitReady;
    // What drizzle reads from a client nobody changed: the reference.
    const db = drizzle(client);
    plain = {
      rows: (await db.execute(probe)).rows,
      inTransaction: (await db.transaction((tx) => tx.execute(probe))).rows,
    };
  });
  afterAll(() => client.close());

  it('reads every type as drizzle does without the view, in and outside a transaction', async () => {
    const db = drizzle(pgliteForDrizzle(client));
    expect((await db.execute(probe)).rows).toEqual(plain.rows);
    expect((await db.transaction((tx) => tx.execute(probe))).rows).toEqual(plain.inTransaction);
    expect(plain.rows[0]).toMatchObject({ ts: '2027-03-28 01:30:00', day: '2027-04-27', n: 7 });
  });

  it('passes parsers it does not know on to PGlite', async () => {
    const result = await pgliteForDrizzle(client).query<{ n: string }>('select 7::int as n', [], {
      parsers: { 23: (value: string) => `int ${value}` },
    });
    expect(result.rows[0]?.n).toBe('int 7');
  });
});
