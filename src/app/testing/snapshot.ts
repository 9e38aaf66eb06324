import { getTableName, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/client';
import { rowsOf } from '../../infra/db/rows';
import { tables } from '../../infra/db/schema';

/**
 * Tables an act may write without changing anyone's data: the dedupe record, the audit trail,
 * the actor's own platform link, and the outbox (answers to the actor; compared separately).
 */
const BOOKKEEPING = new Set(['seen_inbound', 'audit_log', 'identities', 'outbox']);

const DATA_TABLES = Object.values(tables)
  .map((table) => getTableName(table))
  .filter((name) => !BOOKKEEPING.has(name));

export type Snapshot = Record<string, string[]>;

/** Every data row of every table, serialised with sorted rows: equal snapshots = nothing changed. */
export async function snapshotData(db: Db): Promise<Snapshot> {
  const snapshot: Snapshot = {};
  for (const table of Object.values(tables)) {
    const name = getTableName(table);
    if (BOOKKEEPING.has(name)) continue;
    const rows = (await db.select().from(table)) as Record<string, unknown>[];
    snapshot[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}

/** Rows that differ between two snapshots (added or removed), per table. */
export function changedRows(before: Snapshot, after: Snapshot): number {
  return rowChanges(before, after).length;
}

/** A row that differs between two snapshots: gone (`-`) or new (`+`). */
export type RowChange = { table: string; change: '-' | '+'; row: string };

/** The rows that differ between two snapshots; none when they are the same object. */
export function rowChanges(before: Snapshot, after: Snapshot): RowChange[] {
  if (before === after) return [];
  const changes: RowChange[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = new Set(before[table] ?? []);
    const b = new Set(after[table] ?? []);
    for (const row of a) if (!b.has(row)) changes.push({ table, change: '-', row });
    for (const row of b) if (!a.has(row)) changes.push({ table, change: '+', row });
  }
  return changes;
}

/** Changed rows for an assertion message: `table - row`, one a line. */
export function describeChanges(changes: readonly RowChange[]): string {
  return changes.map(({ table, change, row }) => `${table} ${change} ${row}`).join('\n');
}

/**
 * A digest of every data row of every table, computed by the database in one query without
 * sending a row: the md5 of each row's full text (every column, timestamps to the microsecond),
 * sorted and hashed per table. Equal digests mean equal data (barring an md5 collision); the
 * digest is at least as strict as `snapshotData`, which serialises the same rows.
 */
export async function dataDigest(db: Db): Promise<string> {
  const perTable = DATA_TABLES.map(
    (name) =>
      `select '${name}' as name, count(*)::text || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as digest from "${name}" t`,
  ).join(' union all ');
  const rows = rowsOf<{ name: string; digest: string }>(await db.execute(sql.raw(perTable)));
  return rows
    .map((row) => `${row.name}=${row.digest}`)
    .sort()
    .join(' ');
}

/**
 * Watches the data across many acts at the cost of one digest query per look: the full rows are
 * read only when the digest differs from the last state seen, so proving "nothing changed" reads
 * no rows, while a change is still named row by row (`rowChanges` on the two states).
 */
export function createDataWatch(db: Db): { state(): Promise<Snapshot> } {
  let last: { digest: string; snapshot: Snapshot } | null = null;
  return {
    /** The data as it is now; the same object as last time when nothing changed in between. */
    async state() {
      const digest = await dataDigest(db);
      if (last?.digest !== digest) last = { digest, snapshot: await snapshotData(db) };
      return last.snapshot;
    },
  };
}
