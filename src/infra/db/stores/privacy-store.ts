import { eq, inArray, or, sql } from 'drizzle-orm';
import { mentorTalkKind } from '../../../app/stores/conversation-store';
import type { PrivacyStore } from '../../../app/stores/privacy-store';
import { deliveryProblemKey } from '../../outbox/keys';
import type { Queryable } from '../client';
import {
  auditLog,
  conversationRefs,
  conversations,
  deliveryProblems,
  identities,
  outbox,
  people,
  placements,
} from '../schema';

export function createPrivacyStore(q: Queryable): PrivacyStore {
  return {
    async erasePerson(person) {
      const placementRows = await q
        .select({ id: placements.id })
        .from(placements)
        .where(eq(placements.studentId, person.id));
      const identityRows = await q
        .select({ key: identities.platformUserId })
        .from(identities)
        .where(eq(identities.personId, person.id));

      // By id only, never by name: to them, about them, or naming them (a digest, an export).
      await q
        .delete(outbox)
        .where(
          or(
            eq(outbox.subjectId, person.id),
            sql`${outbox.recipient}->>'personId' = ${person.id}`,
            sql`${outbox.mentions} @> ${JSON.stringify([person.id])}::jsonb`,
          ),
        );
      await q
        .delete(deliveryProblems)
        .where(eq(deliveryProblems.key, deliveryProblemKey({ kind: 'person', personId: person.id })));
      if (placementRows.length > 0) {
        // Mentors' open "did you talk?" questions (and notes) about this student's placements.
        await q.delete(conversations).where(
          inArray(
            conversations.kind,
            placementRows.map((row) => mentorTalkKind(row.id)),
          ),
        );
      }
      const refKeys = identityRows.map((row) => row.key);
      await q
        .delete(conversationRefs)
        .where(
          refKeys.length > 0
            ? or(eq(conversationRefs.email, person.email), inArray(conversationRefs.key, refKeys))
            : eq(conversationRefs.email, person.email),
        );
      await q.delete(placements).where(eq(placements.studentId, person.id));
      await q.delete(people).where(eq(people.id, person.id)); // cascades identities, conversations, roles
      await q.update(auditLog).set({ subject: 'erased' }).where(eq(auditLog.subject, person.id));
      await q.update(auditLog).set({ actor: 'erased' }).where(eq(auditLog.actor, person.id));
      return { placements: placementRows.length };
    },
  };
}
