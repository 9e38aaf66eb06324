import { and, eq, isNull } from 'drizzle-orm';
import type { Account, PeopleStore } from '../../../app/stores/people-store';
import type { Queryable } from '../client';
import {
  coordinatorScopes,
  findIdentityHolder,
  findPersonByEmail,
  findPersonByIdentity,
  linkIdentity,
  markIdentitiesGone,
  reactivateIdentity,
  upsertPerson,
} from '../repositories/people';
import { coordinators, identities, people } from '../schema';

export function createPeopleStore(q: Queryable): PeopleStore {
  const cohortMatch = (cohortId: string | null) =>
    cohortId === null ? isNull(coordinators.cohortId) : eq(coordinators.cohortId, cohortId);
  return {
    findByEmail: async (email) => (await findPersonByEmail(q, email)) ?? null,
    findByAccount: async (account) => (await findPersonByIdentity(q, account)) ?? null,
    findActor: async (account) => (await findIdentityHolder(q, account)) ?? null,
    upsert: (input, at) => upsertPerson(q, input, at),
    async setLocale(personId, locale) {
      await q.update(people).set({ locale }).where(eq(people.id, personId));
    },
    linkAccount: (personId, account, at) => linkIdentity(q, personId, account, at),
    reactivateAccount: (personId, account) => reactivateIdentity(q, personId, account),
    markAccountsGone: (filter) => markIdentitiesGone(q, filter),
    async markAccountGone(personId: string, account: Account) {
      await q
        .update(identities)
        .set({ status: 'gone' })
        .where(
          and(
            eq(identities.personId, personId),
            eq(identities.platform, account.platform),
            eq(identities.tenant, account.tenant),
            eq(identities.platformUserId, account.platformUserId),
          ),
        );
    },
    coordinatorScopes: (personId) => coordinatorScopes(q, personId),
    async addCoordinator(personId, cohortId) {
      const existing = await q
        .select({ id: coordinators.id })
        .from(coordinators)
        .where(and(eq(coordinators.personId, personId), cohortMatch(cohortId)));
      if (existing.length === 0) await q.insert(coordinators).values({ personId, cohortId });
    },
    async removeCoordinator(personId, cohortId) {
      await q.delete(coordinators).where(and(eq(coordinators.personId, personId), cohortMatch(cohortId)));
    },
  };
}
