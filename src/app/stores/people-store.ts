import type { Locale } from '../../core/messages/model';
import type { Person } from '../../core/shared/person';
import type { Platform } from '../inbound';

/** A person's account on one platform. */
export type Account = { platform: Platform; tenant: string; platformUserId: string };

/** Cohort ids someone coordinates; `null` in the list = every cohort. */
export type CoordinatorScopes = (string | null)[];

/** People, their platform accounts and their coordinator roles. */
export type PeopleStore = {
  findByEmail(email: string): Promise<Person | null>;
  findByAccount(account: Account): Promise<Person | null>;
  /** The person linked to this account, and whether the account is marked gone (one lookup). */
  findActor(account: Account): Promise<{ person: Person; gone: boolean } | null>;
  /** Creates the person, or updates name/locale when given; `changed` = anything new. */
  upsert(
    input: { email: string; name?: string | null; locale?: Locale | null },
    at: Date,
  ): Promise<{ id: string; created: boolean; changed: boolean }>;
  setLocale(personId: string, locale: Locale): Promise<void>;
  /** Links the account to the person (moving it when it was someone else's); active. */
  linkAccount(personId: string, account: Account, at: Date): Promise<void>;
  /**
   * The person acted through this account: active again when it was gone, and a coordinator's
   * "unreachable" notice is forgotten (a next failure is news). False when nothing changed.
   */
  reactivateAccount(personId: string, account: Account): Promise<boolean>;
  /** Stop sending to these accounts (all of a tenant when `platformUserIds` is left out). */
  markAccountsGone(filter: {
    platform: Platform;
    tenant: string;
    platformUserIds?: readonly string[];
  }): Promise<void>;
  /** Stop sending to this one account of this person (a platform said it is gone). */
  markAccountGone(personId: string, account: Account): Promise<void>;
  coordinatorScopes(personId: string): Promise<CoordinatorScopes>;
  /** Adds the coordinator role (no-op when held); `cohortId` null = every cohort. */
  addCoordinator(personId: string, cohortId: string | null): Promise<void>;
  removeCoordinator(personId: string, cohortId: string | null): Promise<void>;
};

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function coordinatesCohort(scopes: readonly (string | null)[], cohortId: string): boolean {
  return scopes.includes(null) || scopes.includes(cohortId);
}
