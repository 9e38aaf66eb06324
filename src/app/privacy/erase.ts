import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../infra/db/client';
import { audit } from '../../infra/db/repositories/audit';
import { findPersonByEmail } from '../../infra/db/repositories/people';
import {
  auditLog,
  conversationRefs,
  conversations,
  deliveryProblems,
  identities,
  outbox,
  people,
  placements,
} from '../../infra/db/schema';
import { deliveryProblemKey } from '../../infra/outbox/alerter';
import { mayTouchPerson, type Reach } from '../access/reach';
import { mentorTalkKind } from '../flows/mentor-talk-flow';

export type EraseResult =
  | { ok: true; placements: number }
  | { ok: false; error: 'ERASE.UNKNOWN_STUDENT' | 'ERASE.NOT_YOURS' };

export type EraseOptions = {
  actor: string;
  at: Date;
  /** The actor's cohorts; the person must be within reach whatever kind of person they are. */
  reach: Reach;
};

/**
 * Right to erasure: removes the person and everything about them — placements with their
 * reports, check-ins, goals and pauses (cascade), conversations (theirs, and their mentors'
 * talk questions), identities, platform references, delivery problems, messages to or about
 * them — and scrubs their id from earlier audit entries. What remains is one audit entry saying
 * an erase happened, with no name, e-mail or id of the student.
 */
export async function eraseStudent(db: Db, email: string, options: EraseOptions): Promise<EraseResult> {
  return db.transaction((tx) => eraseStudentIn(tx, email, options));
}

/** The same, inside a transaction the caller already holds (the `wis` command). */
export async function eraseStudentIn(
  tx: Queryable,
  email: string,
  options: EraseOptions,
): Promise<EraseResult> {
  {
    const person = await findPersonByEmail(tx, email);
    if (!person) return { ok: false, error: 'ERASE.UNKNOWN_STUDENT' } as const;
    // Student, mentor or coordinator alike: every cohort they appear in must be the actor's.
    if (!(await mayTouchPerson(tx, options.reach, person.id))) return { ok: false, error: 'ERASE.NOT_YOURS' };

    const placementRows = await tx
      .select({ id: placements.id })
      .from(placements)
      .where(eq(placements.studentId, person.id));
    const identityRows = await tx
      .select({ key: identities.platformUserId })
      .from(identities)
      .where(eq(identities.personId, person.id));

    // By id only, never by name: to them, about them, or naming them (a digest, an export).
    await tx
      .delete(outbox)
      .where(
        or(
          eq(outbox.subjectId, person.id),
          sql`${outbox.recipient}->>'personId' = ${person.id}`,
          sql`${outbox.mentions} @> ${JSON.stringify([person.id])}::jsonb`,
        ),
      );
    await tx
      .delete(deliveryProblems)
      .where(eq(deliveryProblems.key, deliveryProblemKey({ kind: 'person', personId: person.id })));
    if (placementRows.length > 0) {
      // Mentors' open "did you talk?" questions (and notes) about this student's placements.
      await tx.delete(conversations).where(
        inArray(
          conversations.kind,
          placementRows.map((row) => mentorTalkKind(row.id)),
        ),
      );
    }
    const refKeys = identityRows.map((row) => row.key);
    await tx
      .delete(conversationRefs)
      .where(
        refKeys.length > 0
          ? or(eq(conversationRefs.email, person.email), inArray(conversationRefs.key, refKeys))
          : eq(conversationRefs.email, person.email),
      );
    await tx.delete(placements).where(eq(placements.studentId, person.id));
    await tx.delete(people).where(eq(people.id, person.id)); // cascades identities, conversations, roles
    await tx.update(auditLog).set({ subject: 'erased' }).where(eq(auditLog.subject, person.id));
    await tx.update(auditLog).set({ actor: 'erased' }).where(eq(auditLog.actor, person.id));
    await audit(tx, {
      at: options.at,
      actor: options.actor,
      action: 'erase',
      subject: 'erased',
      detail: { placements: placementRows.length },
    });
    return { ok: true, placements: placementRows.length } as const;
  }
}
