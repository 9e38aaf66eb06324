import { randomUUID } from 'node:crypto';
import type { PeopleStore } from '../../stores/people-store';
import { normaliseEmail } from '../../stores/people-store';
import type { MemoryTables } from './tables';

const sameAccount =
  (a: { platform: string; tenant: string; platformUserId: string }) =>
  (b: { platform: string; tenant: string; platformUserId: string }) =>
    a.platform === b.platform && a.tenant === b.tenant && a.platformUserId === b.platformUserId;

export function memoryPeopleStore(t: () => MemoryTables): PeopleStore {
  return {
    findByEmail: async (email) => t().people.find((p) => p.email === normaliseEmail(email)) ?? null,
    async findByAccount(account) {
      const linked = t().accounts.find(sameAccount(account));
      return (linked && t().people.find((p) => p.id === linked.personId)) ?? null;
    },
    async findActor(account) {
      const linked = t().accounts.find(sameAccount(account));
      const person = linked && t().people.find((p) => p.id === linked.personId);
      return linked && person ? { person, gone: linked.status === 'gone' } : null;
    },
    async upsert(input, at) {
      const email = normaliseEmail(input.email);
      const existing = t().people.find((p) => p.email === email);
      if (!existing) {
        const id = randomUUID();
        t().people.push({
          id,
          email,
          name: input.name?.trim() || email,
          locale: input.locale ?? null,
          createdAt: at,
        });
        return { id, created: true, changed: true };
      }
      const name = input.name?.trim() || existing.name;
      const locale = input.locale ?? existing.locale;
      const changed = name !== existing.name || locale !== existing.locale;
      Object.assign(existing, { name, locale });
      return { id: existing.id, created: false, changed };
    },
    async setLocale(personId, locale) {
      for (const person of t().people) if (person.id === personId) person.locale = locale;
    },
    async linkAccount(personId, account, at) {
      const existing = t().accounts.find(sameAccount(account));
      if (existing) Object.assign(existing, { personId, status: 'active' });
      else t().accounts.push({ ...account, personId, status: 'active', linkedAt: at });
    },
    async reactivateAccount(personId, account) {
      const gone = t().accounts.find((a) => sameAccount(account)(a) && a.status === 'gone');
      if (!gone) return false;
      gone.status = 'active';
      t().deliveryProblems.delete(personId);
      return true;
    },
    async markAccountsGone(filter) {
      for (const account of t().accounts) {
        if (account.platform !== filter.platform || account.tenant !== filter.tenant) continue;
        if (filter.platformUserIds && !filter.platformUserIds.includes(account.platformUserId)) continue;
        account.status = 'gone';
      }
    },
    async markAccountGone(personId, account) {
      for (const a of t().accounts) if (a.personId === personId && sameAccount(account)(a)) a.status = 'gone';
    },
    coordinatorScopes: async (personId) =>
      t()
        .coordinators.filter((c) => c.personId === personId)
        .map((c) => c.cohortId),
    async addCoordinator(personId, cohortId) {
      const held = t().coordinators.some((c) => c.personId === personId && c.cohortId === cohortId);
      if (!held) t().coordinators.push({ personId, cohortId });
    },
    async removeCoordinator(personId, cohortId) {
      const tables = t();
      tables.coordinators = tables.coordinators.filter(
        (c) => !(c.personId === personId && c.cohortId === cohortId),
      );
    },
  };
}
