import { getTableName, isNotNull } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Cipher, isCiphertext } from '../crypto';
import type { Db } from './client';
import { SEALED_COLUMNS, type SealedColumn } from './sealed';

export type ResealCount = { column: string; sealed: number; resealed: number; current: number };

/**
 * Brings every sealed column up to date, one column per transaction:
 * - plain text (learning goals from before they were encrypted) is sealed;
 * - `v1` values and values sealed with a previous key are opened and sealed again with the
 *   current key, bound to their row (`v2`).
 * `only: 'plain'` does just the first (cheap, run at every start-up); `rotate-key` does both.
 * Running it twice changes nothing the second time.
 */
export async function resealAll(
  db: Db,
  cipher: Cipher,
  options: { only?: 'plain'; tables?: readonly PgTable[] } = {},
): Promise<ResealCount[]> {
  const counts: ResealCount[] = [];
  const entries = SEALED_COLUMNS.filter((entry) => !options.tables || options.tables.includes(entry.table));
  for (const entry of entries) counts.push(await resealColumn(db, cipher, entry, options));
  return counts;
}

async function resealColumn(
  db: Db,
  cipher: Cipher,
  entry: SealedColumn,
  options: { only?: 'plain' },
): Promise<ResealCount> {
  const count = {
    column: `${getTableName(entry.table)}.${entry.column}`,
    sealed: 0,
    resealed: 0,
    current: 0,
  };
  const column = (entry.table as unknown as Record<string, PgColumn>)[entry.property] as PgColumn;
  await db.transaction(async (tx) => {
    const rows = (await tx.select().from(entry.table).where(isNotNull(column))) as Record<string, unknown>[];
    for (const row of rows) {
      const value = row[entry.property] as string;
      const where = entry.where(row);
      let next: string;
      if (!isCiphertext(value)) {
        next = cipher.encrypt(value, where);
        count.sealed++;
      } else if (options.only === 'plain' || cipher.isCurrent(value)) {
        count.current++;
        continue;
      } else {
        next = cipher.encrypt(cipher.decrypt(value, where), where);
        count.resealed++;
      }
      await tx
        .update(entry.table)
        .set({ [entry.property]: next })
        .where(entry.match(row));
    }
  });
  return count;
}
