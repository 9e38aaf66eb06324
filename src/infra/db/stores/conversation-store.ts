import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ConversationRecord, ConversationStore } from '../../../app/stores/conversation-store';
import type { Cipher } from '../../crypto';
import type { Queryable } from '../client';
import { conversations } from '../schema';
import { sealedAt } from '../sealed';
import { chunks } from './chunks';

export function createConversationStore(q: Queryable, cipher: Cipher): ConversationStore {
  return {
    async load<T>(personId: string, kind: string) {
      const [row] = await q
        .select()
        .from(conversations)
        .where(and(eq(conversations.personId, personId), eq(conversations.kind, kind)));
      return row
        ? {
            state: cipher.decryptJson<T>(row.stateEnc, sealedAt.conversation(personId, kind)),
            updatedAt: row.updatedAt,
          }
        : null;
    },
    async list(personId) {
      const rows = await q
        .select({ kind: conversations.kind, updatedAt: conversations.updatedAt })
        .from(conversations)
        .where(eq(conversations.personId, personId));
      return rows.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
    },
    async save(personId, kind, state, at) {
      const stateEnc = cipher.encryptJson(state, sealedAt.conversation(personId, kind));
      await q
        .insert(conversations)
        .values({ personId, kind, stateEnc, updatedAt: at })
        .onConflictDoUpdate({
          target: [conversations.personId, conversations.kind],
          set: { stateEnc, updatedAt: at },
        });
    },
    async delete(personId, kind) {
      await q
        .delete(conversations)
        .where(and(eq(conversations.personId, personId), eq(conversations.kind, kind)));
    },
    async loadMany<T>(kind: string, personIds: readonly string[]) {
      const found = new Map<string, ConversationRecord<T>>();
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
    },
    async saveMany(writes) {
      // One row per (person, kind) in a statement: PostgreSQL refuses to update a row twice.
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
    },
  };
}
