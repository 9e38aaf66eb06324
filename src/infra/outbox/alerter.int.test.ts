import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../core/messages/model';
import type { Database } from '../db/client';
import { deliveryProblems, outbox } from '../db/schema';
import { openCell } from '../db/sealed';
import { openTestDatabase } from '../db/test-database';
import { silentLogger } from '../logging';
import { createCoordinatorAlerter, deliveryProblemKey } from './alerter';
import {
  createFakeClock,
  seedCohort,
  seedCoordinator,
  seedPerson,
  seedPlacement,
  testCipher,
} from './test-support';
import type { UndeliverableInfo } from './types';

const at = new Date('2026-03-06T12:00:00Z');

const failure = (over: Partial<UndeliverableInfo>): UndeliverableInfo => ({
  recipient: { kind: 'person', personId: 'stu' },
  subjectId: 'stu',
  reason: 'users_not_found',
  problem: 'not-found',
  idempotencyKey: 'checkin:pl1:2026-W10',
  permanent: true,
  attempts: 1,
  ...over,
});

describe('the coordinator alerter', () => {
  let database: Database;
  let kicks = 0;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedCohort(database.db, 'zorg');
    await seedCohort(database.db, 'ict');
    for (const id of ['stu', 'mentor', 'c-zorg', 'c-ict', 'c-all']) await seedPerson(database.db, id);
    await seedPerson(database.db, 'c-en', { locale: 'en' });
    await seedPlacement(database.db, {
      id: 'pl1',
      studentId: 'stu',
      cohortId: 'zorg',
      mentorIds: ['mentor'],
    });
    await seedCoordinator(database.db, 'c-zorg', 'zorg');
    await seedCoordinator(database.db, 'c-ict', 'ict');
    await seedCoordinator(database.db, 'c-all', null);
    await seedCoordinator(database.db, 'c-en', 'zorg');
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await database.db.delete(outbox);
    await database.db.delete(deliveryProblems);
    kicks = 0;
  });

  const alerter = () =>
    createCoordinatorAlerter({
      db: database.db,
      cipher: testCipher,
      clock: createFakeClock(at),
      logger: silentLogger,
      defaultLocale: 'nl',
      onEnqueued: () => {
        kicks += 1;
      },
    });

  const alerts = async () =>
    (await database.db.select().from(outbox).orderBy(outbox.id)).map((row) => ({
      to: (row.recipient as { personId: string }).personId,
      subjectId: row.subjectId,
      message: JSON.parse(openCell(testCipher, outbox, 'payloadEnc', row)) as Message,
    }));

  it("alerts the coordinators of the student's cohort and of every cohort, nobody else", async () => {
    await alerter()(failure({}));

    const sent = await alerts();
    expect(sent.map((alert) => alert.to).sort()).toEqual(['c-all', 'c-en', 'c-zorg']);
    expect(sent.every((alert) => alert.subjectId === 'stu')).toBe(true);
    expect(kicks).toBe(1);
  });

  it("writes each alert in the coordinator's own language", async () => {
    await alerter()(failure({}));

    const byReader = new Map((await alerts()).map((alert) => [alert.to, alert.message.summary]));
    expect(byReader.get('c-en')).toBe('Name stu cannot be reached through Stagecoach');
    expect(byReader.get('c-zorg')).toBe('Name stu is niet bereikbaar via Stagecoach');
  });

  it('tells about one recipient only once', async () => {
    await alerter()(failure({}));
    await alerter()(failure({ idempotencyKey: 'reminder:pl1:x', reason: 'user_disabled' }));

    expect(await alerts()).toHaveLength(3);
    const [problem] = await database.db.select().from(deliveryProblems);
    expect(problem).toEqual({ key: deliveryProblemKey({ kind: 'person', personId: 'stu' }), reportedAt: at });
  });

  it('finds the cohort through the placements a mentor guides', async () => {
    await alerter()(failure({ recipient: { kind: 'person', personId: 'mentor' }, subjectId: null }));

    expect((await alerts()).map((alert) => alert.to).sort()).toEqual(['c-all', 'c-en', 'c-zorg']);
  });

  it('alerts about a cohort channel the coordinators of that cohort', async () => {
    await alerter()(
      failure({
        recipient: { kind: 'cohort-channel', cohortId: 'ict' },
        subjectId: null,
        reason: 'not_in_channel',
      }),
    );

    const sent = await alerts();
    expect(sent.map((alert) => alert.to).sort()).toEqual(['c-all', 'c-ict']);
    expect(JSON.stringify(sent[0]?.message)).toContain('Cohort ict');
    expect(sent[0]?.subjectId).toBeNull();
  });

  it('never alerts a coordinator about themselves', async () => {
    await alerter()(failure({ recipient: { kind: 'person', personId: 'c-zorg' }, subjectId: 'stu' }));

    expect((await alerts()).map((alert) => alert.to).sort()).toEqual(['c-all', 'c-en']);
  });
});
