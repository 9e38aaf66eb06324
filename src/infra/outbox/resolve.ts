import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { type Address, type Clock, type Gateway, systemClock } from '../../app/ports';
import { RESOLVE_REASONS } from '../../core/delivery/problems';
import type { Recipient } from '../../core/messages/model';
import { assertNever } from '../../core/shared/errors';
import type { Queryable } from '../db/client';
import { cohorts, identities, people } from '../db/schema';
import { addressKey } from './keys';

/**
 * Where a recipient can be reached right now. `conversationKey` names the platform
 * conversation (what the platform rate-limits). A permanent failure is never retried and
 * alerts a coordinator once; a transient one is retried with backoff.
 */
export type ResolvedRecipient =
  | { ok: true; address: Address; conversationKey: string }
  | { ok: false; permanent: boolean; reason: string };

export type RecipientResolver = (recipient: Recipient, q: Queryable) => Promise<ResolvedRecipient>;

const digestChannelSchema = z.object({
  platform: z.enum(['slack', 'teams', 'console']),
  tenant: z.string().min(1),
  channelId: z.string().min(1),
});

const reached = (address: Address): ResolvedRecipient => ({
  ok: true,
  address,
  conversationKey: addressKey(address),
});

const unreachable = (reason: string, permanent = true): ResolvedRecipient => ({
  ok: false,
  permanent,
  reason,
});

/**
 * The simple resolver: a person goes to their earliest linked active account on a platform we
 * have a gateway for; failing that, each gateway is asked to find them by e-mail and the found
 * account is linked. A cohort channel goes to `cohorts.digest_channel`.
 */
export function createDefaultResolver(deps: {
  gateways: readonly Gateway[];
  clock?: Clock;
}): RecipientResolver {
  const clock = deps.clock ?? systemClock;
  const platforms = deps.gateways.map((gateway) => gateway.platform);

  async function resolvePerson(personId: string, q: Queryable): Promise<ResolvedRecipient> {
    const [person] = await q.select({ email: people.email }).from(people).where(eq(people.id, personId));
    if (!person) return unreachable(RESOLVE_REASONS.unknownPerson);
    if (platforms.length === 0) return unreachable(RESOLVE_REASONS.platformNotConfigured);

    const linked = await q
      .select()
      .from(identities)
      .where(and(eq(identities.personId, personId), inArray(identities.platform, platforms)))
      .orderBy(asc(identities.linkedAt), asc(identities.platform));
    const active = linked.find((identity) => identity.status === 'active');
    if (active) return reached({ kind: 'user', ...pickIdentity(active) });

    for (const gateway of deps.gateways) {
      let found: Awaited<ReturnType<Gateway['findUserByEmail']>>;
      try {
        found = await gateway.findUserByEmail(person.email);
      } catch (error) {
        return unreachable(`lookup on ${gateway.platform} failed: ${String(error)}`, false);
      }
      if (!found) continue;
      const known = linked.find(
        (identity) =>
          identity.platform === found.platform &&
          identity.tenant === found.tenant &&
          identity.platformUserId === found.platformUserId,
      );
      // A lookup that finds an account we marked gone: the platform still lists it, but we
      // were told it left or was deactivated; trust the lifecycle signal.
      if (known) continue;
      const inserted = await q
        .insert(identities)
        .values({ personId, ...found, status: 'active', linkedAt: clock.now() })
        .onConflictDoNothing()
        .returning({ personId: identities.personId });
      // On conflict the account is linked to someone else: never reassign it silently.
      if (inserted.length > 0) return reached({ kind: 'user', ...found });
    }
    return unreachable(linked.length > 0 ? RESOLVE_REASONS.identityGone : RESOLVE_REASONS.noIdentity);
  }

  async function resolveCohortChannel(cohortId: string, q: Queryable): Promise<ResolvedRecipient> {
    const [cohort] = await q
      .select({ digestChannel: cohorts.digestChannel })
      .from(cohorts)
      .where(eq(cohorts.id, cohortId));
    if (!cohort) return unreachable(RESOLVE_REASONS.unknownCohort);
    const channel = digestChannelSchema.safeParse(cohort.digestChannel);
    if (!channel.success) return unreachable(RESOLVE_REASONS.noChannel);
    if (!platforms.includes(channel.data.platform)) return unreachable(RESOLVE_REASONS.platformNotConfigured);
    return reached({ kind: 'channel', ...channel.data });
  }

  return (recipient, q) => {
    switch (recipient.kind) {
      case 'person':
        return resolvePerson(recipient.personId, q);
      case 'cohort-channel':
        return resolveCohortChannel(recipient.cohortId, q);
      default:
        return assertNever(recipient);
    }
  };
}

function pickIdentity(identity: typeof identities.$inferSelect) {
  return { platform: identity.platform, tenant: identity.tenant, platformUserId: identity.platformUserId };
}
