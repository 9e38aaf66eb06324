import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Clock } from '../../app/ports';
import {
  composeOutageAlert,
  composeUndeliverableAlert,
  type UndeliverableTarget,
} from '../../core/delivery/messages';
import type { Locale, Recipient } from '../../core/messages/model';
import type { Cipher } from '../crypto';
import type { Db, Queryable } from '../db/client';
import {
  cohorts,
  coordinators,
  deliveryProblems,
  identities,
  people,
  placementMentors,
  placements,
} from '../db/schema';
import type { Logger } from '../logging';
import { enqueueMany, type OutboxItem } from './enqueue';
import { deliveryProblemKey } from './keys';
import type { OutageHandler, UndeliverableHandler, UndeliverableInfo } from './types';

export { deliveryProblemKey } from './keys';

/**
 * The dispatcher's `onUndeliverable`: records the problem once and, the first time only,
 * enqueues a private alert to the coordinators of the cohorts involved (and to coordinators of
 * every cohort). The alert names who could not be reached and why, never what the message said.
 */
export function createCoordinatorAlerter(deps: {
  db: Db;
  cipher: Cipher;
  clock: Clock;
  logger: Logger;
  /** For coordinators without a language of their own. */
  defaultLocale: Locale;
  /** Called after alerts were enqueued, e.g. the dispatcher's `dispatchSoon`. */
  onEnqueued?: () => void;
}): UndeliverableHandler {
  return async (info) => {
    const at = deps.clock.now();
    const enqueued = await deps.db.transaction(async (tx) => {
      const key = deliveryProblemKey(info.recipient);
      const recorded = await tx
        .insert(deliveryProblems)
        .values({ key, reportedAt: at })
        .onConflictDoNothing()
        .returning({ key: deliveryProblems.key });
      if (recorded.length === 0) return 0;

      const target = await describe(tx, info.recipient);
      if (!target) {
        deps.logger.info({ key }, 'outbox: undeliverable recipient no longer exists; no alert');
        return 0;
      }
      const cohortIds = await cohortsInvolved(tx, info);
      const unreachable = info.recipient.kind === 'person' ? info.recipient.personId : null;
      const readers = await coordinatorsOf(tx, cohortIds, unreachable);
      if (readers.length === 0) {
        // Forget it again, so the next failure is told once a coordinator exists.
        await tx.delete(deliveryProblems).where(eq(deliveryProblems.key, key));
        deps.logger.warn({ key, cohortIds }, 'outbox: nobody to tell about an undeliverable recipient');
        return 0;
      }
      const items: OutboxItem[] = readers.map((reader) => ({
        key: `${key}:alert:${reader.id}:${at.getTime()}`,
        to: { kind: 'person', personId: reader.id },
        message: composeUndeliverableAlert({
          locale: reader.locale ?? deps.defaultLocale,
          target,
          problem: info.problem,
          attempts: info.attempts,
          code: info.reason,
        }),
        subjectId: unreachable,
        notBefore: at,
        at,
      }));
      await enqueueMany(tx, deps.cipher, items);
      return items.length;
    });
    if (enqueued > 0) deps.onEnqueued?.();
  };
}

async function describe(q: Queryable, recipient: Recipient): Promise<UndeliverableTarget | null> {
  if (recipient.kind === 'person') {
    const [person] = await q
      .select({ name: people.name, email: people.email })
      .from(people)
      .where(eq(people.id, recipient.personId));
    return person ? { kind: 'person', ...person } : null;
  }
  const [cohort] = await q
    .select({ name: cohorts.name })
    .from(cohorts)
    .where(eq(cohorts.id, recipient.cohortId));
  return cohort ? { kind: 'cohort-channel', cohortName: cohort.name } : null;
}

/** Cohorts of the recipient and of the person the message was about, as student or mentor. */
async function cohortsInvolved(q: Queryable, info: UndeliverableInfo): Promise<string[]> {
  const ids = new Set<string>();
  if (info.recipient.kind === 'cohort-channel') ids.add(info.recipient.cohortId);
  const personIds = [
    info.recipient.kind === 'person' ? info.recipient.personId : null,
    info.subjectId,
  ].filter((id): id is string => id !== null);
  if (personIds.length > 0) {
    const asStudent = await q
      .select({ cohortId: placements.cohortId })
      .from(placements)
      .where(inArray(placements.studentId, personIds));
    const asMentor = await q
      .select({ cohortId: placements.cohortId })
      .from(placementMentors)
      .innerJoin(placements, eq(placements.id, placementMentors.placementId))
      .where(inArray(placementMentors.personId, personIds));
    for (const row of [...asStudent, ...asMentor]) ids.add(row.cohortId);
  }
  return [...ids];
}

async function coordinatorsOf(
  q: Queryable,
  cohortIds: readonly string[],
  except: string | null,
): Promise<{ id: string; locale: Locale | null }[]> {
  const scope =
    cohortIds.length > 0
      ? or(isNull(coordinators.cohortId), inArray(coordinators.cohortId, [...cohortIds]))
      : isNull(coordinators.cohortId);
  const rows = await q
    .selectDistinct({ id: people.id, locale: people.locale })
    .from(coordinators)
    .innerJoin(people, eq(people.id, coordinators.personId))
    .where(except ? and(scope, ne(people.id, except)) : scope)
    .orderBy(people.id);
  return rows;
}

/** `delivery_problems.key` of an outage: coordinators hear of it once, until it ends. */
const outageKey = (platform: string, tenant: string | undefined) =>
  `outage:${platform}${tenant === undefined ? '' : `:${tenant}`}`;

/**
 * The dispatcher's `onOutage`: when a platform starts refusing us, every coordinator who can be
 * reached on another platform gets one private alert (the rest is in the log and `/healthz`).
 * Once per outage across all instances; the record is cleared when the platform works again, so
 * the next outage is told again.
 */
export function createOutageAlerter(deps: {
  db: Db;
  cipher: Cipher;
  logger: Logger;
  defaultLocale: Locale;
  /** Platforms this deployment can send on. */
  platforms: readonly string[];
  onEnqueued?: () => void;
}): OutageHandler {
  return async (event) => {
    const key = outageKey(event.scope.platform, event.scope.tenant);
    if (event.type === 'outage.ended') {
      await deps.db.delete(deliveryProblems).where(eq(deliveryProblems.key, key));
      return;
    }
    const others = deps.platforms.filter((platform) => platform !== event.scope.platform);
    const enqueued = await deps.db.transaction(async (tx) => {
      const recorded = await tx
        .insert(deliveryProblems)
        .values({ key, reportedAt: event.at })
        .onConflictDoNothing()
        .returning({ key: deliveryProblems.key });
      if (recorded.length === 0 || others.length === 0) return 0;
      const readers = await tx
        .selectDistinct({ id: people.id, locale: people.locale })
        .from(coordinators)
        .innerJoin(people, eq(people.id, coordinators.personId))
        .innerJoin(identities, eq(identities.personId, people.id))
        .where(
          and(
            eq(identities.status, 'active'),
            inArray(identities.platform, others as ('slack' | 'teams' | 'console')[]),
          ),
        )
        .orderBy(people.id);
      const items: OutboxItem[] = readers.map((reader) => ({
        key: `${key}:alert:${reader.id}:${event.at.getTime()}`,
        to: { kind: 'person', personId: reader.id },
        message: composeOutageAlert({
          locale: reader.locale ?? deps.defaultLocale,
          platform: event.scope.platform,
          code: event.reason,
        }),
        subjectId: null,
        notBefore: event.at,
        at: event.at,
      }));
      await enqueueMany(tx, deps.cipher, items);
      return items.length;
    });
    if (enqueued > 0) deps.onEnqueued?.();
    else
      deps.logger.error(
        { platform: event.scope.platform, reason: event.reason },
        'outbox: outage; no coordinator reachable on another platform',
      );
  };
}
