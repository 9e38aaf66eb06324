import type { Message } from '../../core/messages/model';
import { silentLogger } from '../../infra/logging';
import { createInboundHandler } from '../handle-inbound';
import type { InboundPayload } from '../inbound';
import type { PlacementInput } from '../placements/placement-input';
import type { InboundHandler, InboundResult } from '../ports';
import { COORDINATOR, MENTOR, SEEDED_AT, STUDENT, STUDENT_NAME } from './fixtures';
import { createMemoryStores, type MemoryStores } from './memory';
import { seedMemoryPlacement } from './memory/seed';

/** `ONE_PLACEMENT` of the fixtures, as the import would read it. */
export const ONE_PLACEMENT_INPUT: PlacementInput = {
  studentEmail: STUDENT,
  studentName: STUDENT_NAME,
  mentors: [{ email: MENTOR, name: 'Mira Mentor' }],
  coordinator: { email: COORDINATOR, name: 'Cor Coördinator' },
  cohort: 'Zorg 2027',
  organisation: null,
  startDate: '2027-02-01',
  endDate: '2027-06-30',
  introDate: null,
  midEvaluationDate: null,
  finalEvaluationDate: null,
  workingDays: null,
  locale: null,
};

export type MemoryHarness = {
  stores: MemoryStores;
  handler: InboundHandler;
  seed(input: PlacementInput): Promise<{ placementId: string; studentId: string }>;
  say(email: string, text: string, at: Date): Promise<InboundResult>;
  /** A coordinator command (`/stage <text>`). */
  command(email: string, text: string, at: Date): Promise<InboundResult>;
  act(email: string, payload: InboundPayload, at: Date): Promise<InboundResult>;
  /** Messages queued for one person (by e-mail), optionally only those with a key prefix. */
  queuedFor(email: string, keyPrefix?: string): Message[];
};

/**
 * The inbound side of the app on the in-memory store fakes: no database, no dispatcher. What
 * the app queued is read from the fake outbox.
 */
export function createMemoryHarness(): MemoryHarness {
  const stores = createMemoryStores();
  let now = SEEDED_AT;
  const clock = { now: () => now };
  const handler = createInboundHandler({
    stores,
    clock,
    logger: silentLogger,
    defaultLocale: 'nl',
    defaultTimezone: 'Europe/Amsterdam',
    dispatchSoon: () => {},
    rateLimit: { acts: 1_000_000, perMs: 60_000 },
  });
  let acts = 0;

  async function act(email: string, payload: InboundPayload, at: Date): Promise<InboundResult> {
    now = at;
    acts += 1;
    return handler.handle({
      platform: 'console',
      tenant: 'console',
      user: { platformUserId: email.toLowerCase(), email },
      conversation: { id: email.toLowerCase(), kind: 'direct' },
      sentAt: at,
      dedupeKey: `act-${acts}-${at.getTime()}`,
      payload,
    });
  }

  return {
    stores,
    handler,
    seed: (input) => seedMemoryPlacement(stores, input, SEEDED_AT),
    act,
    say: (email, text, at) => act(email, { type: 'text', text }, at),
    command: (email, text, at) => act(email, { type: 'command', text }, at),
    queuedFor(email, keyPrefix) {
      const person = stores.tables().people.find((p) => p.email === email.toLowerCase());
      return stores
        .tables()
        .outbox.filter((item) => person && item.to.kind === 'person' && item.to.personId === person.id)
        .map((item) => item.message)
        .filter((message) => !keyPrefix || message.key.startsWith(keyPrefix));
    },
  };
}
