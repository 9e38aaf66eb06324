import { afterEach, describe, expect, it } from 'vitest';
import { STUDENT, STUDENT_DM } from '../../adapters/slack/fixtures/payloads';
import { placementsCsv } from '../../adapters/testing/seed';
import { slackDm } from '../../adapters/testing/slack-acts';
import { startTestRuntime, type TestRuntime } from '../../adapters/testing/test-runtime';
import { sannePlacement } from './cohort';

/**
 * A graceful stop (SIGTERM from the process manager during a deploy): the health check turns
 * unhealthy first, requests already inside finish and are committed, new connections are
 * refused. (The dispatcher's send in progress is waited for at most `shutdownDrainMs`.)
 */
const PLACEMENT = sannePlacement({ startDate: '2027-02-22', endDate: '2027-06-30' });

let rt: TestRuntime | undefined;
afterEach(async () => {
  await rt?.close().catch(() => undefined);
  rt = undefined;
});

describe('a graceful shutdown', () => {
  it('reports stopping, finishes the act in flight, then refuses new connections', async () => {
    rt = await startTestRuntime({ now: '2027-03-04T09:00:00Z' });
    const runtime = rt;
    expect(await runtime.seed(placementsCsv([PLACEMENT]))).toMatchObject({ applied: true });
    // The app takes its time, so the act is still in flight when the stop begins.
    let release: () => void = () => {};
    const slowLookup = new Promise<void>((resolve) => {
      release = resolve;
    });
    const originalHandle = runtime.runtime.app.handler.handle.bind(runtime.runtime.app.handler);
    runtime.runtime.app.handler.handle = async (inbound) => {
      await slowLookup;
      return originalHandle(inbound);
    };
    const inFlight = runtime.postSlack(
      'event',
      slackDm({
        user: STUDENT,
        channel: STUDENT_DM,
        text: 'mijn',
        at: runtime.clock.now(),
        eventId: 'EvSTOP0001',
      }),
    );
    await runtime.waitForActs(0);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const closing = runtime.runtime.close();
    const healthWhileStopping = await runtime.runtime.health();
    release();
    const answer = await inFlight;
    await closing;
    const refused = await fetch(`${runtime.baseUrl}/healthz`).then(
      () => false,
      () => true,
    );

    expect(healthWhileStopping).toEqual({ ok: false, status: 'stopping' });
    expect(answer.status).toBe(200);
    expect(refused).toBe(true);
    rt = undefined;
    await runtime.slackApi.close();
    await runtime.connector.close();
  });
});
