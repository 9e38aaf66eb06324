import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Address, Clock, Gateway, LookupOutcome, Platform, SendFailure } from '../../app/ports';
import {
  type DeliveryProblem,
  problemOfResolveReason,
  RESOLVE_REASONS,
  type ResolveReason,
} from '../../core/delivery/problems';
import type { Recipient } from '../../core/messages/model';
import { assertNever } from '../../core/shared/errors';
import type { Queryable } from '../db/client';
import { cohorts, deliveryProblems, identities, people } from '../db/schema';
import { addressKey, deliveryProblemKey } from './keys';

/**
 * Where a recipient can be reached right now. `conversationKey` names the platform conversation
 * (what the platform rate-limits). Besides an address:
 * - `permanent`: nobody to send to; never retried, a coordinator is told once;
 * - `transient` / `outage`: a lookup failed; try again later (an outage pauses the platform);
 * - `elsewhere`: reachable only on a platform this process has no gateway for; the message waits
 *   for a process that has it.
 */
export type ResolvedRecipient =
  | { ok: true; address: Address; conversationKey: string }
  | { ok: false; kind: 'permanent'; reason: ResolveReason; problem: DeliveryProblem }
  | Exclude<SendFailure, { kind: 'permanent' }>
  | { ok: false; kind: 'elsewhere'; reason: string };

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

const unreachable = (reason: ResolveReason): ResolvedRecipient => ({
  ok: false,
  kind: 'permanent',
  reason,
  problem: problemOfResolveReason(reason),
});

const elsewhere = (platforms: readonly string[]): ResolvedRecipient => ({
  ok: false,
  kind: 'elsewhere',
  reason:
    platforms.length > 0
      ? `not configured here: ${[...new Set(platforms)].sort().join(', ')}`
      : 'no platform configured here',
});

/**
 * The resolver: a person goes to their earliest linked active account on a platform this process
 * can send to, preferring platforms that are not in an outage (so a coordinator with Slack and
 * Teams still hears of a Slack outage on Teams). Failing that, each gateway is asked to find them
 * by e-mail and the found account is linked. A cohort channel goes to `cohorts.digest_channel`.
 */
export function createDefaultResolver(deps: {
  gateways: readonly Gateway[];
  clock: Clock;
  /** True while an outage covers this platform/tenant (the dispatcher's circuit breaker). */
  inOutage?: (platform: Platform, tenant: string) => boolean;
}): RecipientResolver {
  const { clock } = deps;
  const inOutage = deps.inOutage ?? (() => false);
  const platforms = new Set<Platform>(deps.gateways.map((gateway) => gateway.platform));

  async function resolvePerson(personId: string, q: Queryable): Promise<ResolvedRecipient> {
    // One round trip for the person and their accounts: every message sent costs this lookup.
    const rows = await q
      .select({ email: people.email, identity: identities })
      .from(people)
      .leftJoin(identities, eq(identities.personId, people.id))
      .where(eq(people.id, personId))
      .orderBy(asc(identities.linkedAt), asc(identities.platform));
    const person = rows[0];
    if (!person) return unreachable(RESOLVE_REASONS.unknownPerson);
    const linked = rows.flatMap((row) => (row.identity ? [row.identity] : []));
    const activeHere = linked.filter(
      (identity) => identity.status === 'active' && platforms.has(identity.platform),
    );
    const best =
      activeHere.find((identity) => !inOutage(identity.platform, identity.tenant)) ?? activeHere[0];
    if (best) return reached({ kind: 'user', ...pickIdentity(best) });

    let lookupFailure: ResolvedRecipient | undefined;
    for (const gateway of deps.gateways) {
      const found = await lookup(gateway, person.email);
      if (!found.ok) {
        if (found.kind !== 'permanent') lookupFailure ??= found;
        continue;
      }
      const identity = found.identity;
      if (!identity) continue;
      const known = linked.find(
        (existing) =>
          existing.platform === identity.platform &&
          existing.tenant === identity.tenant &&
          existing.platformUserId === identity.platformUserId,
      );
      // A lookup that finds an account we marked gone: the platform still lists it, but we
      // were told it left or was deactivated; only the person's own next act brings it back.
      if (known) continue;
      const inserted = await q
        .insert(identities)
        .values({ personId, ...identity, status: 'active', linkedAt: clock.now() })
        .onConflictDoNothing()
        .returning({ personId: identities.personId });
      // On conflict the account is linked to someone else: never reassign it silently.
      if (inserted.length === 0) continue;
      // Reachable again: a later failure is worth telling a coordinator about again.
      await q
        .delete(deliveryProblems)
        .where(eq(deliveryProblems.key, deliveryProblemKey({ kind: 'person', personId })));
      return reached({ kind: 'user', ...identity });
    }
    if (lookupFailure) return lookupFailure;
    const activeElsewhere = linked.filter((identity) => identity.status === 'active');
    if (activeElsewhere.length > 0 || platforms.size === 0) {
      return elsewhere(activeElsewhere.map((identity) => identity.platform));
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
    if (!platforms.has(channel.data.platform)) return elsewhere([channel.data.platform]);
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

/** A gateway that throws instead of returning an outcome is treated as a transient failure. */
async function lookup(gateway: Gateway, email: string): Promise<LookupOutcome> {
  try {
    return await gateway.findUserByEmail(email);
  } catch (error) {
    return { ok: false, kind: 'transient', reason: `lookup on ${gateway.platform} failed: ${String(error)}` };
  }
}

function pickIdentity(identity: typeof identities.$inferSelect) {
  return { platform: identity.platform, tenant: identity.tenant, platformUserId: identity.platformUserId };
}
