import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db/client';
import { timed } from './stats';

/**
 * What the machine and database can do with no Stagecoach code in the way, measured in the same
 * run as the figure it is compared with.
 */

/** ms for one `INSERT … SELECT` of `rows` rows shaped like outbox rows (key, JSON, ~300 B text). */
export async function bareInsertSelect(db: Db, rows: number): Promise<number> {
  await db.execute(sql`create table if not exists bench_bare (
    id bigint primary key, key text not null unique, recipient jsonb not null,
    payload text not null, due timestamptz not null)`);
  await db.execute(sql`truncate bench_bare`);
  const { ms } = await timed(() =>
    db.execute(sql`insert into bench_bare
      select g, 'bench:' || g, jsonb_build_object('kind', 'person', 'personId', 'p' || g),
        repeat(md5(g::text), 10), now()
      from generate_series(1, ${rows}::int) g`),
  );
  await db.execute(sql`drop table bench_bare`);
  return ms;
}

/** ms per single-row INSERT in its own transaction, `count` times. */
export async function bareSingleInserts(db: Db, count: number): Promise<number[]> {
  await db.execute(sql`create table if not exists bench_one (id bigserial primary key, body text not null)`);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const { ms } = await timed(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into bench_one (body) values (${`answer ${i}`})`);
      }),
    );
    samples.push(ms);
  }
  await db.execute(sql`drop table bench_one`);
  return samples;
}

/** Messages a second a plain loop of `chat.postMessage` POSTs gets from the fake Slack API. */
export async function bareHttpPostLoop(apiUrl: string, count: number): Promise<number> {
  const { ms } = await timed(async () => {
    for (let i = 0; i < count; i++) {
      const response = await fetch(`${apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer xoxb-bench' },
        body: new URLSearchParams({ channel: `U${i}`, text: `Check-in ${i}: hoe gaat het?` }).toString(),
      });
      await response.text();
    }
  });
  return count / (ms / 1000);
}
