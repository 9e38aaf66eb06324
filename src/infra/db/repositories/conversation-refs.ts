import { and, desc, eq } from 'drizzle-orm';
import type { Clock, ConversationRefStore } from '../../../app/ports';
import type { Db } from '../client';
import { conversationRefs } from '../schema';

/** Teams conversation references (and any platform's), upserted on every activity. */
export function createConversationRefStore(db: Db, clock: Clock): ConversationRefStore {
  return {
    async save(entry) {
      const email = entry.email?.trim().toLowerCase() ?? null;
      await db
        .insert(conversationRefs)
        .values({
          platform: entry.platform,
          key: entry.key,
          tenant: entry.tenant,
          email,
          ref: entry.ref as object,
          updatedAt: clock.now(),
        })
        .onConflictDoUpdate({
          target: [conversationRefs.platform, conversationRefs.key],
          set: {
            tenant: entry.tenant,
            ref: entry.ref as object,
            updatedAt: clock.now(),
            // Keep a known e-mail when a later activity arrives without one.
            ...(email ? { email } : {}),
          },
        });
    },
    async get(platform, key) {
      const [row] = await db
        .select({ ref: conversationRefs.ref })
        .from(conversationRefs)
        .where(and(eq(conversationRefs.platform, platform), eq(conversationRefs.key, key)));
      return row?.ref ?? null;
    },
    async findByEmail(platform, email) {
      const [row] = await db
        .select({ tenant: conversationRefs.tenant, key: conversationRefs.key })
        .from(conversationRefs)
        .where(
          and(
            eq(conversationRefs.platform, platform),
            eq(conversationRefs.email, email.trim().toLowerCase()),
          ),
        )
        .orderBy(desc(conversationRefs.updatedAt))
        .limit(1);
      return row ?? null;
    },
  };
}
