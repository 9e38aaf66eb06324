import { and, eq } from 'drizzle-orm';
import type { Cipher } from '../../infra/crypto';
import type { Queryable } from '../../infra/db/client';
import { conversations } from '../../infra/db/schema';
import { sealedAt } from '../../infra/db/sealed';

/**
 * Conversation state per person and kind, encrypted (a STARR draft holds reflection text).
 * Kinds: `starr`, `checkin`, `mentor-talk:<placementId>`, `feedback`.
 */
export type ConversationRecord<T> = { state: T; updatedAt: Date };

export async function loadConversation<T>(
  q: Queryable,
  cipher: Cipher,
  personId: string,
  kind: string,
): Promise<ConversationRecord<T> | null> {
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
}

/** All open conversations of a person, most recently active first. */
export async function listConversations(
  q: Queryable,
  personId: string,
): Promise<Array<{ kind: string; updatedAt: Date }>> {
  const rows = await q
    .select({ kind: conversations.kind, updatedAt: conversations.updatedAt })
    .from(conversations)
    .where(eq(conversations.personId, personId));
  return rows.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
}

export async function saveConversation<T>(
  q: Queryable,
  cipher: Cipher,
  personId: string,
  kind: string,
  state: T,
  at: Date,
): Promise<void> {
  const stateEnc = cipher.encryptJson(state, sealedAt.conversation(personId, kind));
  await q
    .insert(conversations)
    .values({ personId, kind, stateEnc, updatedAt: at })
    .onConflictDoUpdate({
      target: [conversations.personId, conversations.kind],
      set: { stateEnc, updatedAt: at },
    });
}

export async function deleteConversation(q: Queryable, personId: string, kind: string): Promise<void> {
  await q
    .delete(conversations)
    .where(and(eq(conversations.personId, personId), eq(conversations.kind, kind)));
}
