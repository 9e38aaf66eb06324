import { afterEach, describe, expect, it } from 'vitest';
import { placementsCsv } from '../../adapters/testing/seed';
import { type TeamsPerson, teamsActivity } from '../../adapters/testing/teams-acts';
import { startTestRuntime, type TestRuntime } from '../../adapters/testing/test-runtime';
import { nl as deliveryTexts } from '../core/messages/texts/delivery';
import { outbox } from '../infra/db/schema';
import { silentLogger } from '../infra/logging';
import { runDueJobsAt } from '../infra/scheduler';
import { sannePlacement } from './cohort';

/**
 * The Slack bot token is revoked (an admin reinstalls the app, a token rotates) for an hour on a
 * Friday check-in, then restored. Nothing may be lost or failed: the messages wait, the health
 * check says why, the coordinator hears it once on Teams, and everything goes out once Slack
 * accepts us again.
 */
const FRIDAY_1300 = new Date('2027-03-05T12:00:00Z');
const RESTORED_AT = FRIDAY_1300.getTime() + 60 * 60_000;

const PLACEMENT = sannePlacement({ startDate: '2027-02-01', endDate: '2027-06-30' });
const PETRA_ON_TEAMS: TeamsPerson = {
  aadObjectId: '7c1d2e3f-0000-4000-8000-0000000c0001',
  userId: '29:1PetraTeamsUserId',
  userName: 'Petra Bakker',
  conversationId: 'a:1PetraPersonalChat',
  email: 'petra@roc.nl',
};

let rt: TestRuntime | undefined;
afterEach(async () => {
  await rt?.close();
  rt = undefined;
});

async function health(runtime: TestRuntime) {
  const response = await fetch(`${runtime.baseUrl}/healthz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('a Slack token revoked for an hour, then restored', () => {
  it('keeps every message, says so in /healthz, tells the coordinator once on Teams, and delivers all afterwards', async () => {
    rt = await startTestRuntime({ now: new Date(FRIDAY_1300.getTime() - 10 * 60_000) });
    const runtime = rt;
    expect(await runtime.seed(placementsCsv([PLACEMENT]))).toMatchObject({ applied: true });
    // Petra has the Teams app too: installing it stores where to reach her there.
    runtime.connector.member.email = PETRA_ON_TEAMS.email;
    runtime.connector.member.userPrincipalName = PETRA_ON_TEAMS.email;
    const installed = await runtime.postTeams(
      teamsActivity(
        runtime.connector,
        PETRA_ON_TEAMS,
        { kind: 'installation', action: 'add' },
        {
          id: 'install-petra',
          at: runtime.clock.now(),
        },
      ),
    );
    expect(installed.status).toBe(200);
    const postsBefore = runtime.connector.posted().length;
    let refused = 0;
    runtime.slackApi.answer('chat.postMessage', (call) => {
      if (runtime.clock.now().getTime() < RESTORED_AT) {
        refused += 1;
        return { body: { ok: false, error: 'token_revoked' } };
      }
      return { body: { ok: true, channel: String(call.args.channel), ts: '1.1' } };
    });

    // The tick's own messages hit the revoked token; the outbox keeps them.
    runtime.clock.set(FRIDAY_1300);
    await runDueJobsAt(runtime.db, runtime.runtime.app.jobs, FRIDAY_1300, {
      logger: silentLogger,
      instanceId: 'revoked-test',
      clock: runtime.clock,
    });
    await runtime.runtime.dispatcher.drain();
    const during = await health(runtime);
    const pendingDuring = (await runtime.db.select().from(outbox)).filter((row) => row.status === 'pending');
    // An hour of probes, then Slack works again: the outbox empties.
    await runtime.deliver();
    // Petra's own messages go to Teams while Slack is out; the outage alert is one of them.
    const teamsAlerts = runtime.connector
      .posted()
      .slice(postsBefore)
      .filter((post) => JSON.stringify(post.body).includes(deliveryTexts.outageHeading('Slack')));

    const after = await health(runtime);
    const rows = await runtime.db.select().from(outbox);
    const slackPosts = runtime.slackApi.callsTo('chat.postMessage').length - refused;

    console.log(
      `[reliability] token revoked 1 h: messages=${rows.length} refusedCalls=${refused} ` +
        `lost=${rows.filter((row) => row.status !== 'sent').length} coordinatorAlerts=${teamsAlerts.length}`,
    );
    expect(during.status).toBe(200);
    expect(during.body).toMatchObject({
      status: 'degraded',
      outages: [{ platform: 'slack', reason: 'token_revoked' }],
    });
    expect(pendingDuring.length).toBeGreaterThan(0);
    expect(pendingDuring.every((row) => row.attempts === 0)).toBe(true);
    expect(teamsAlerts).toHaveLength(1);
    expect(rows.every((row) => row.status === 'sent')).toBe(true);
    expect(slackPosts + runtime.connector.posted().length - postsBefore).toBe(rows.length);
    expect(after.body).toMatchObject({ status: 'ok', outages: [] });
    expect(runtime.clock.now().getTime()).toBeGreaterThanOrEqual(RESTORED_AT);
  });
});
