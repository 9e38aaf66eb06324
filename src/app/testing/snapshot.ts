import { getTableName } from 'drizzle-orm';
import type { Db } from '../../infra/db/client';
import { tables } from '../../infra/db/schema';

/**
 * Tables an act may write without changing anyone's data: the dedupe record, the audit trail,
 * the actor's own platform link, and the outbox (answers to the actor; compared separately).
 */
const BOOKKEEPING = new Set(['seen_inbound', 'audit_log', 'identities', 'outbox']);

/** Every data row of every table, serialised with sorted rows: equal snapshots = nothing changed. */
export async function snapshotData(db: Db): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of Object.values(tables)) {
    const name = getTableName(table);
    if (BOOKKEEPING.has(name)) continue;
    const rows = (await db.select().from(table)) as Record<string, unknown>[];
    snapshot[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}

/** Rows that differ between two snapshots (added or removed), per table. */
export function changedRows(before: Record<string, string[]>, after: Record<string, string[]>): number {
  let changed = 0;
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = new Set(before[name] ?? []);
    const b = new Set(after[name] ?? []);
    for (const row of a) if (!b.has(row)) changed++;
    for (const row of b) if (!a.has(row)) changed++;
  }
  return changed;
}
