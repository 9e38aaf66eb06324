import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Cipher } from '../../crypto';
import type { Queryable } from '../client';
import { conversations } from '../schema';
import { sealedAt } from '../sealed';

/**
 * Conversation states in batches, for the scheduler: one query per chunk of people instead of
 * one per person. The same encryption as `app/conversations/store.ts` (one state per person and kind).
 */

/** Rows per statement: 4 parameters each, far below Postgres' 65,535 limit. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** The state of `kind` for each of `personIds` that has one, by person id. */
export async function loadConversationsOfKind<T>(
  q: Queryable,
  cipher: Cipher,
  kind: string,
  personIds: readonly string[],
): Promise<Map<string, { state: T; updatedAt: Date }>> {
  const found = new Map<string, { state: T; updatedAt: Date }>();
  for (const ids of chunks([...new Set(personIds)])) {
    const rows = await q
      .select()
      .from(conversations)
      .where(and(eq(conversations.kind, kind), inArray(conversations.personId, ids)));
    for (const row of rows) {
      found.set(row.personId, {
        state: cipher.decryptJson<T>(row.stateEnc, sealedAt.conversation(row.personId, kind)),
        updatedAt: row.updatedAt,
      });
    }
  }
  return found;
}

export type ConversationWrite = { personId: string; kind: string; state: unknown; at: Date };

/** Upserts many states with multi-row statements; a (person, kind) given twice keeps the last. */
export async function saveConversations(
  q: Queryable,
  cipher: Cipher,
  writes: readonly ConversationWrite[],
): Promise<void> {
  const last = new Map(writes.map((write) => [`${write.personId}\u0000${write.kind}`, write]));
  for (const part of chunks([...last.values()])) {
    await q
      .insert(conversations)
      .values(
        part.map((write) => ({
          personId: write.personId,
          kind: write.kind,
          stateEnc: cipher.encryptJson(write.state, sealedAt.conversation(write.personId, write.kind)),
          updatedAt: write.at,
        })),
      )
      .onConflictDoUpdate({
        target: [conversations.personId, conversations.kind],
        set: { stateEnc: sql`excluded.state_enc`, updatedAt: sql`excluded.updated_at` },
      });
  }
}
