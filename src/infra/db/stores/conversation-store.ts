import { and, eq } from 'drizzle-orm';
import type { ConversationStore } from '../../../app/stores/conversation-store';
import type { Cipher } from '../../crypto';
import type { Queryable } from '../client';
import { conversations } from '../schema';
import { sealedAt } from '../sealed';

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
  };
}
