import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { placementsCsv, type SeedPlacement } from '../../adapters/testing/seed';
import { startTestRuntime, type TestRuntime } from '../../adapters/testing/test-runtime';
import { outbox, people } from '../infra/db/schema';
import { enqueueMany, type OutboxItem } from '../infra/outbox/enqueue';

/**
 * A Slack that misbehaves for twenty minutes, on a virtual clock: ten minutes of HTTP 503s, then
 * ten minutes in which 40% of the calls are refused with 429 and a Retry-After of 1–5 s. Every
 * message of a Friday check-in tick plus three numbered messages per student must arrive exactly
 * once, each person's messages in order.
 */
const STUDENTS = 6;
const FRIDAY_1300 = new Date('2027-03-05T12:00:00Z'); // Friday 13:00 in Amsterdam (CET)
const FIVE_XX_UNTIL = FRIDAY_1300.getTime() + 10 * 60_000;
const STORM_UNTIL = FRIDAY_1300.getTime() + 20 * 60_000;

const placements: SeedPlacement[] = Array.from({ length: STUDENTS }, (_, index) => ({
  studentEmail: `s${index + 1}@school.nl`,
  studentName: `Student ${index + 1}`,
  mentorEmail: 'mentor@zorg.nl',
  mentorName: 'Mira Mentor',
  startDate: '2027-02-01',
  endDate: '2027-06-30',
  coordinatorEmail: 'petra@roc.nl',
  coordinatorName: 'Petra Bakker',
  cohort: 'storm-2027',
}));

/** Deterministic pseudo-random numbers (mulberry32), so the storm is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let rt: TestRuntime | undefined;
afterEach(async () => {
  await rt?.close();
  rt = undefined;
});

describe('a 429 storm and ten minutes of 5xx from Slack', () => {
  it('loses nothing, sends nothing twice and keeps each person’s order', async () => {
    rt = await startTestRuntime({ now: new Date(FRIDAY_1300.getTime() - 60_000) });
    const runtime = rt;
    // Everyone of the cohort has a Slack account: U + the e-mail's local part.
    runtime.slackApi.answer('users.lookupByEmail', (call) => ({
      body: {
        ok: true,
        user: { id: `U${String(call.args.email).split('@')[0]?.toUpperCase()}`, team_id: 'T0STAGE' },
      },
    }));
    const random = seededRandom(42);
    const counts = { calls: 0, refused503: 0, refused429: 0 };
    const accepted: Array<{ channel: string; text: string }> = [];
    runtime.slackApi.answer('chat.postMessage', (call) => {
      counts.calls += 1;
      const now = runtime.clock.now().getTime();
      if (now < FIVE_XX_UNTIL) {
        counts.refused503 += 1;
        return { status: 503, body: 'upstream down' };
      }
      if (now < STORM_UNTIL && random() < 0.4) {
        counts.refused429 += 1;
        const seconds = 1 + Math.floor(random() * 5);
        return {
          status: 429,
          headers: { 'retry-after': String(seconds) },
          body: { ok: false, error: 'ratelimited' },
        };
      }
      accepted.push({ channel: String(call.args.channel), text: String(call.args.text) });
      return { body: { ok: true, channel: String(call.args.channel), ts: `${now / 1000}` } };
    });
    expect(await runtime.seed(placementsCsv(placements))).toMatchObject({ applied: true });
    const students = await runtime.db.select({ id: people.id, email: people.email }).from(people);
    const extra: OutboxItem[] = students
      .filter((person) => person.email.startsWith('s'))
      .flatMap((person) =>
        [1, 2, 3].map((n) => ({
          key: `storm:${person.id}:${n}`,
          to: { kind: 'person' as const, personId: person.id },
          message: { key: 'test.numbered', summary: `Bericht ${n} voor ${person.email}`, blocks: [] },
          subjectId: person.id,
          notBefore: FRIDAY_1300,
          at: FRIDAY_1300,
        })),
      );
    await enqueueMany(runtime.db, runtime.runtime.cipher, extra);

    await runtime.tick(FRIDAY_1300);

    const rows = await runtime.db.select({ status: outbox.status }).from(outbox);
    const failed = rows.filter((row) => row.status !== 'sent').length;
    const seen = new Map<string, number>();
    for (const post of accepted)
      seen.set(`${post.channel}|${post.text}`, (seen.get(`${post.channel}|${post.text}`) ?? 0) + 1);
    const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
    let orderViolations = 0;
    for (let index = 1; index <= STUDENTS; index += 1) {
      const numbered = accepted
        .filter((post) => post.text.endsWith(`voor s${index}@school.nl`))
        .map((post) => post.text.slice(0, 'Bericht n'.length));
      if (numbered.join() !== 'Bericht 1,Bericht 2,Bericht 3') orderViolations += 1;
    }
    const minutes = (runtime.clock.now().getTime() - FRIDAY_1300.getTime()) / 60_000;
    console.log(
      `[reliability] 429 storm + 10 min 5xx: messages=${rows.length} calls=${counts.calls} refused503=${counts.refused503} ` +
        `refused429=${counts.refused429} lost=${failed} duplicates=${duplicates} orderViolations=${orderViolations} virtualMinutes=${minutes.toFixed(1)}`,
    );
    expect(counts.refused503).toBeGreaterThan(0);
    expect(counts.refused429).toBeGreaterThan(0);
    expect(failed).toBe(0);
    expect(accepted).toHaveLength(rows.length);
    expect(duplicates).toBe(0);
    expect(orderViolations).toBe(0);
    expect(await runtime.db.select().from(outbox).where(eq(outbox.status, 'failed'))).toEqual([]);
  });
});
