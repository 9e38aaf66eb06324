import { inArray } from 'drizzle-orm';
import { signedSlackRequest } from '../../adapters/slack/fixtures/signed-request';
import { slackDm } from '../../adapters/testing/slack-acts';
import type { Clock } from '../app/ports';
import type { Db } from '../infra/db/client';
import { seenInbound } from '../infra/db/schema';
import { slackUserOf } from './cast';
import { percentile } from './stats';

export type BurstResult = {
  students: number;
  seconds: number;
  ackP50Ms: number;
  ackP99Ms: number;
  /** First attempts not acknowledged with 200 (Slack retries those). */
  refused: number;
  /** Acts not handled after Slack's retries. */
  lost: number;
};

/**
 * Friday afternoon: `students` students answer their check-in over signed Slack HTTP, spread
 * evenly over `seconds`. Slack acknowledges after our commit, so the ack time is the whole act.
 * Lost = an act not recorded as handled after Slack's retries.
 */
export async function fridayBurst(
  db: Db,
  baseUrl: string,
  clock: Clock,
  options: { students: number; seconds: number; population: number },
): Promise<BurstResult> {
  const gapMs = (options.seconds * 1000) / options.students;
  const acks: number[] = [];
  let refused = 0;
  const keys: string[] = [];
  const requests = Array.from({ length: options.students }, async (_, i) => {
    await new Promise((resolve) => setTimeout(resolve, i * gapMs));
    const student = i % options.population;
    const eventId = `EvBURST${String(i).padStart(6, '0')}`;
    keys.push(eventId);
    const at = clock.now();
    const started = performance.now();
    const post = async (retryNum?: number) => {
      const signed = signedSlackRequest(
        'event',
        slackDm({ user: slackUserOf(student), channel: `DB${student}`, text: '4', at, eventId }),
        {
          timestampSeconds: Math.floor(clock.now().getTime() / 1000),
          ...(retryNum === undefined ? {} : { retryNum }),
        },
      );
      try {
        const response = await fetch(`${baseUrl}/slack/events`, {
          method: 'POST',
          headers: signed.headers,
          body: signed.body,
        });
        await response.text();
        return response.status;
      } catch {
        return 0;
      }
    };
    let status = await post();
    acks.push(performance.now() - started);
    if (status !== 200) refused += 1;
    // Slack retries an event that was not acknowledged with 200, three times (after about 0 s,
    // 1 min and 5 min; here 1 s apart): only an act that none of them delivered is lost.
    for (let retry = 1; retry <= 3 && status !== 200; retry += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      status = await post(retry);
    }
  });
  await Promise.all(requests);
  const seen = await countSeen(db, keys);
  return {
    students: options.students,
    seconds: options.seconds,
    ackP50Ms: percentile(acks, 50),
    ackP99Ms: percentile(acks, 99),
    refused,
    lost: options.students - seen,
  };
}

async function countSeen(db: Db, eventIds: string[]): Promise<number> {
  let seen = 0;
  for (let i = 0; i < eventIds.length; i += 1000) {
    const batch = eventIds.slice(i, i + 1000);
    const rows = await db
      .select({ key: seenInbound.dedupeKey })
      .from(seenInbound)
      .where(
        inArray(
          seenInbound.dedupeKey,
          batch.flatMap((id) => [`slack:${id}`, id]),
        ),
      );
    seen += rows.length;
  }
  return seen;
}
