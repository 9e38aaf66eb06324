import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { mentorTalkKind } from '../../../app/stores/conversation-store';
import type { PrivacyStore } from '../../../app/stores/privacy-store';
import { deliveryProblemKey } from '../../outbox/keys';
import type { Queryable } from '../client';
import {
  auditLog,
  checkins,
  conversationRefs,
  conversations,
  deliveryProblems,
  goals,
  identities,
  outbox,
  pauses,
  people,
  placements,
  reports,
  substitutes,
} from '../schema';
import { chunks } from './chunks';

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
    async purgeWritten(expired) {
      const cleared = new Set<string>();
      for (const part of chunks(expired)) {
        const ids = part.map((p) => p.id);
        const reportRows = await q
          .update(reports)
          .set({ contentEnc: null, feedbackEnc: null, excuseReason: null })
          .where(
            and(
              inArray(reports.placementId, ids),
              or(
                isNotNull(reports.contentEnc),
                isNotNull(reports.feedbackEnc),
                isNotNull(reports.excuseReason),
              ),
            ),
          )
          .returning({ placementId: reports.placementId });
        const checkinRows = await q
          .update(checkins)
          .set({ moodEnc: null, learnedEnc: null, topicEnc: null, mentorNoteEnc: null })
          .where(
            and(
              inArray(checkins.placementId, ids),
              or(
                isNotNull(checkins.moodEnc),
                isNotNull(checkins.learnedEnc),
                isNotNull(checkins.topicEnc),
                isNotNull(checkins.mentorNoteEnc),
              ),
            ),
          )
          .returning({ placementId: checkins.placementId });
        const substituteRows = await q
          .update(substitutes)
          .set({ contentEnc: null, reviewNoteEnc: null })
          .where(
            and(
              inArray(substitutes.placementId, ids),
              or(isNotNull(substitutes.contentEnc), isNotNull(substitutes.reviewNoteEnc)),
            ),
          )
          .returning({ placementId: substitutes.placementId });
        const pauseRows = await q
          .update(pauses)
          .set({ reason: null })
          .where(and(inArray(pauses.placementId, ids), isNotNull(pauses.reason)))
          .returning({ placementId: pauses.placementId });
        const goalRows = await q
          .delete(goals)
          .where(inArray(goals.placementId, ids))
          .returning({ placementId: goals.placementId });
        const clearedHere = new Set(
          [...reportRows, ...checkinRows, ...substituteRows, ...pauseRows, ...goalRows].map(
            (row) => row.placementId,
          ),
        );
        // Mentors' open talk questions about these placements carry notes in their state.
        await q.delete(conversations).where(inArray(conversations.kind, ids.map(mentorTalkKind)));
        const students = part.filter((p) => clearedHere.has(p.id)).map((p) => p.studentId);
        if (students.length > 0)
          await q.delete(conversations).where(inArray(conversations.personId, students));
        for (const id of clearedHere) cleared.add(id);
      }
      return expired.filter((p) => cleared.has(p.id)).map((p) => p.id);
    },
  };
}
