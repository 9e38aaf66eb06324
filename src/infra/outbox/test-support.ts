import type { Address, Clock, Gateway, PlatformIdentity, SendOutcome } from '../../app/ports';
import type { Message } from '../../core/messages/model';
import { createCipher } from '../crypto';
import type { Queryable } from '../db/client';
import { cohorts, coordinators, identities, people, placementMentors, placements } from '../db/schema';

/** Test doubles for the outbox's integration tests. Not used by production code. */

export const testCipher = createCipher(Buffer.alloc(32, 7));

export type FakeClock = Clock & { set(at: Date): void; advance(ms: number): void };

export function createFakeClock(start: Date): FakeClock {
  let current = start;
  return {
    now: () => current,
    set: (at) => {
      current = at;
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export type RecordedSend = { address: Address; message: Message };

export type FakeGateway = Gateway & {
  sent: RecordedSend[];
  /** Decides the outcome per send; default: accepted. */
  behave: (address: Address, message: Message) => SendOutcome | undefined;
  users: Map<string, PlatformIdentity>;
};

/** Records every send; `delayMs` makes sends slow (real time, keep it to a few ms). */
export function createFakeGateway(options: { delayMs?: number } = {}): FakeGateway {
  let counter = 0;
  const gateway: FakeGateway = {
    platform: 'slack',
    sent: [],
    users: new Map(),
    behave: () => undefined,
    async send(address, message) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const outcome = gateway.behave(address, message);
      if (outcome) return outcome;
      gateway.sent.push({ address, message });
      counter += 1;
      return { ok: true, platformMessageId: `ts-${counter}` };
    },
    async findUserByEmail(email) {
      return { ok: true, identity: gateway.users.get(email) ?? null };
    },
  };
  return gateway;
}

export const message = (key: string, body = `body of ${key}`): Message => ({
  key,
  summary: body,
  blocks: [{ type: 'text', text: body }],
});

const epoch = new Date('2026-01-01T00:00:00Z');

export async function seedPerson(
  q: Queryable,
  id: string,
  options: { slackUserId?: string | null; locale?: 'nl' | 'en'; name?: string } = {},
): Promise<void> {
  await q
    .insert(people)
    .values({
      id,
      email: `${id}@school.nl`,
      name: options.name ?? `Name ${id}`,
      locale: options.locale ?? null,
      createdAt: epoch,
    })
    .onConflictDoNothing();
  const slackUserId = options.slackUserId === undefined ? `U-${id}` : options.slackUserId;
  if (slackUserId) {
    await q
      .insert(identities)
      .values({ personId: id, platform: 'slack', tenant: 'T1', platformUserId: slackUserId, linkedAt: epoch })
      .onConflictDoNothing();
  }
}

export async function seedCohort(q: Queryable, id: string, digestChannel: unknown = null): Promise<void> {
  await q
    .insert(cohorts)
    .values({ id, name: `Cohort ${id}`, settings: {}, digestChannel, createdAt: epoch })
    .onConflictDoNothing();
}

export async function seedPlacement(
  q: Queryable,
  placement: { id: string; studentId: string; cohortId: string; mentorIds?: string[] },
): Promise<void> {
  await q.insert(placements).values({
    id: placement.id,
    studentId: placement.studentId,
    cohortId: placement.cohortId,
    startDate: '2026-02-02',
    endDate: '2026-06-26',
    createdAt: epoch,
    updatedAt: epoch,
  });
  for (const mentorId of placement.mentorIds ?? []) {
    await q.insert(placementMentors).values({ placementId: placement.id, personId: mentorId });
  }
}

export async function seedCoordinator(
  q: Queryable,
  personId: string,
  cohortId: string | null,
): Promise<void> {
  await q.insert(coordinators).values({ personId, cohortId });
}

/** Links a person's Teams account (tenant `X`), e.g. someone reachable only where Slack is not. */
export async function linkTeams(
  q: Queryable,
  personId: string,
  platformUserId: string,
  linkedAt: Date,
): Promise<void> {
  await q.insert(identities).values({ personId, platform: 'teams', tenant: 'X', platformUserId, linkedAt });
}
