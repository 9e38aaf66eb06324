import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Platform } from '../../../app/ports';
import { normaliseEmail as normaliseEmailOf } from '../../../app/stores/people-store';
import type { Locale } from '../../../core/messages/model';
import { deliveryProblemKey } from '../../outbox/keys';
import type { Queryable } from '../client';
import { coordinators, deliveryProblems, identities, people } from '../schema';

type Person = typeof people.$inferSelect;

export { normaliseEmail } from '../../../app/stores/people-store';
export type { Person } from '../../../core/shared/person';

/**
 * Creates the person or updates their name/locale when given. Returns the id and whether
 * anything changed, so an import can report "nothing new".
 */
export async function upsertPerson(
  q: Queryable,
  input: { email: string; name?: string | null; locale?: Locale | null },
  at: Date,
): Promise<{ id: string; created: boolean; changed: boolean }> {
  const email = normaliseEmailOf(input.email);
  const [existing] = await q.select().from(people).where(eq(people.email, email));
  if (!existing) {
    const id = randomUUID();
    await q
      .insert(people)
      .values({ id, email, name: input.name?.trim() || email, locale: input.locale ?? null, createdAt: at });
    return { id, created: true, changed: true };
  }
  const name = input.name?.trim() || existing.name;
  const locale = input.locale ?? existing.locale;
  if (name === existing.name && locale === existing.locale)
    return { id: existing.id, created: false, changed: false };
  await q.update(people).set({ name, locale }).where(eq(people.id, existing.id));
  return { id: existing.id, created: false, changed: true };
}

export async function findPersonByEmail(q: Queryable, email: string): Promise<Person | undefined> {
  const [row] = await q
    .select()
    .from(people)
    .where(eq(people.email, normaliseEmailOf(email)));
  return row;
}

export async function findPersonByIdentity(
  q: Queryable,
  identity: { platform: Platform; tenant: string; platformUserId: string },
): Promise<Person | undefined> {
  return (await findIdentityHolder(q, identity))?.person;
}

/** The person linked to this identity and whether the identity is marked gone, in one query. */
export async function findIdentityHolder(
  q: Queryable,
  identity: { platform: Platform; tenant: string; platformUserId: string },
): Promise<{ person: Person; gone: boolean } | undefined> {
  const [row] = await q
    .select({ person: people, status: identities.status })
    .from(identities)
    .innerJoin(people, eq(identities.personId, people.id))
    .where(
      and(
        eq(identities.platform, identity.platform),
        eq(identities.tenant, identity.tenant),
        eq(identities.platformUserId, identity.platformUserId),
      ),
    );
  return row && { person: row.person, gone: row.status === 'gone' };
}

export async function linkIdentity(
  q: Queryable,
  personId: string,
  identity: { platform: Platform; tenant: string; platformUserId: string },
  at: Date,
): Promise<void> {
  await q
    .insert(identities)
    .values({ personId, ...identity, status: 'active', linkedAt: at })
    .onConflictDoUpdate({
      target: [identities.platform, identities.tenant, identities.platformUserId],
      set: { personId, status: 'active' },
    });
}

/**
 * The person acted through this account, so it is reachable again: mark it active when it was
 * gone, and forget that a coordinator was told they were unreachable (a next failure is news).
 * One indexed update when nothing changes.
 */
export async function reactivateIdentity(
  q: Queryable,
  personId: string,
  identity: { platform: Platform; tenant: string; platformUserId: string },
): Promise<boolean> {
  const revived = await q
    .update(identities)
    .set({ status: 'active' })
    .where(
      and(
        eq(identities.platform, identity.platform),
        eq(identities.tenant, identity.tenant),
        eq(identities.platformUserId, identity.platformUserId),
        eq(identities.status, 'gone'),
      ),
    )
    .returning({ personId: identities.personId });
  if (revived.length === 0) return false;
  await q
    .delete(deliveryProblems)
    .where(eq(deliveryProblems.key, deliveryProblemKey({ kind: 'person', personId })));
  return true;
}

export async function markIdentitiesGone(
  q: Queryable,
  filter: { platform: Platform; tenant: string; platformUserIds?: readonly string[] },
): Promise<void> {
  const conditions = [eq(identities.platform, filter.platform), eq(identities.tenant, filter.tenant)];
  if (filter.platformUserIds)
    conditions.push(inArray(identities.platformUserId, [...filter.platformUserIds]));
  await q
    .update(identities)
    .set({ status: 'gone' })
    .where(and(...conditions));
}

/** Cohort ids the person coordinates; `null` in the list means "every cohort". */
export async function coordinatorScopes(q: Queryable, personId: string): Promise<(string | null)[]> {
  const rows = await q
    .select({ cohortId: coordinators.cohortId })
    .from(coordinators)
    .where(eq(coordinators.personId, personId));
  return rows.map((row) => row.cohortId);
}

export { coordinatesCohort } from '../../../app/stores/people-store';
