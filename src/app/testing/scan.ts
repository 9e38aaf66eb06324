import { getTableName, sql } from 'drizzle-orm';
import { type Cipher, isCiphertext } from '../../infra/crypto';
import type { Db } from '../../infra/db/client';
import { tables } from '../../infra/db/schema';
import { sealedColumn } from '../../infra/db/sealed';

export type Finding = { table: string; column: string; needle: string; encrypted: boolean };

function cellTexts(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (value instanceof Date) return [value.toISOString()];
  if (typeof value === 'object') return [JSON.stringify(value)];
  return [String(value)];
}

/** The names of the tables that exist in the database (not just the ones the schema knows). */
export async function tablesInDatabase(db: Db): Promise<string[]> {
  const result = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  )) as unknown as { rows?: { table_name: string }[] } | { table_name: string }[];
  const rows = Array.isArray(result) ? result : (result.rows ?? []);
  return rows.map((row) => row.table_name).filter((name) => !name.startsWith('__drizzle'));
}

/**
 * `select *` over every table of the schema; reports each cell that contains one of the
 * needles, in plain text or — for ciphertext cells — after decryption.
 */
export async function scanAllTables(db: Db, cipher: Cipher, needles: readonly string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const table of Object.values(tables)) {
    const name = getTableName(table);
    const rows = (await db.select().from(table)) as Record<string, unknown>[];
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        for (const text of cellTexts(value)) {
          const encrypted = isCiphertext(text);
          const sealed = sealedColumn(table, column);
          // A ciphertext outside a sealed column (nobody could say where it belongs) is a finding too.
          const plain = encrypted && sealed ? cipher.decrypt(text, sealed.where(row)) : text;
          for (const needle of needles) {
            if (plain.toLowerCase().includes(needle.toLowerCase()))
              findings.push({ table: name, column, needle, encrypted });
          }
        }
      }
    }
  }
  return findings;
}
