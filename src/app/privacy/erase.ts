import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../infra/db/client';
import { audit } from '../../infra/db/repositories/audit';
import { findPersonByEmail } from '../../infra/db/repositories/people';
import { auditLog, conversationRefs, identities, outbox, people, placements } from '../../infra/db/schema';

export type EraseResult = { ok: true; placements: number } | { ok: false; error: 'ERASE.UNKNOWN_STUDENT' };

/**
 * Right to erasure: removes the person and everything about them — placements with their
 * reports, check-ins, goals and pauses (cascade), conversations, identities, platform references,
 * queued messages — and scrubs their id from earlier audit entries. What remains is one audit
 * entry saying an erase happened, with no name, e-mail or id of the student.
 */
export async function eraseStudent(
  db: Db,
  email: string,
  options: { actor: string; at: Date },
): Promise<EraseResult> {
  return db.transaction((tx) => eraseStudentIn(tx, email, options));
}

/** The same, inside a transaction the caller already holds (the `wis` command). */
export async function eraseStudentIn(
  tx: Queryable,
  email: string,
  options: { actor: string; at: Date },
): Promise<EraseResult> {
  {
    const person = await findPersonByEmail(tx, email);
    if (!person) return { ok: false, error: 'ERASE.UNKNOWN_STUDENT' } as const;

    const placementRows = await tx
      .select({ id: placements.id })
      .from(placements)
      .where(eq(placements.studentId, person.id));
    const identityRows = await tx
      .select({ key: identities.platformUserId })
      .from(identities)
      .where(eq(identities.personId, person.id));

    await tx
      .delete(outbox)
      .where(or(eq(outbox.subjectId, person.id), sql`${outbox.recipient}->>'personId' = ${person.id}`));
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
