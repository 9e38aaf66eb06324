import { and, eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { STUDENT, STUDENT_DM } from '../../adapters/slack/fixtures/payloads';
import { placementsCsv } from '../../adapters/testing/seed';
import { slackDm } from '../../adapters/testing/slack-acts';
import { type TeamsPerson, teamsActivity } from '../../adapters/testing/teams-acts';
import { startTestRuntime, type TestRuntime } from '../../adapters/testing/test-runtime';
import { identities, outbox } from '../infra/db/schema';
import { sannePlacement } from './cohort';

/**
 * Sanne's Slack account is deactivated (she left the workspace for a while), then she comes back
 * and writes to the bot. Gone is not forever: her own act brings the account back, her next
 * check-in arrives, and when she becomes unreachable again the coordinator is told again.
 */
const PLACEMENT = sannePlacement({ startDate: '2027-02-22', endDate: '2027-06-30' });
const SANNE_ON_TEAMS: TeamsPerson = {
  aadObjectId: '5f1c9a4e-2b7d-4c1e-9a3f-0d2e8b6c4a11',
  userId: '29:1SanneTeamsUserId',
  userName: 'Sanne de Vries',
  conversationId: 'a:1SannePersonalChat',
  email: 'sanne@school.example',
};
const FRIDAYS = ['2027-03-05T12:00:00Z', '2027-03-12T12:00:00Z', '2027-03-19T12:00:00Z'].map(
  (iso) => new Date(iso),
);

let rt: TestRuntime | undefined;
afterEach(async () => {
  await rt?.close();
  rt = undefined;
});

describe('a student who left the workspace and came back', () => {
  it('gets her next check-in after her own message, and the coordinator hears again when she is gone again', async () => {
    rt = await startTestRuntime({ now: '2027-03-04T09:00:00Z' });
    const runtime = rt;
    expect(await runtime.seed(placementsCsv([PLACEMENT]))).toMatchObject({ applied: true });
    let sanneGone = true;
    const checkinsToSanne: string[] = [];
    runtime.slackApi.answer('chat.postMessage', (call) => {
      const channel = String(call.args.channel);
      if (channel === STUDENT && sanneGone) return { body: { ok: false, error: 'user_disabled' } };
      if (channel === STUDENT) checkinsToSanne.push(runtime.clock.now().toISOString());
      return { body: { ok: true, channel, ts: `${runtime.clock.now().getTime() / 1000}` } };
    });
    const sanneStatus = async () =>
      (await runtime.db.select().from(identities).where(eq(identities.platformUserId, STUDENT)))[0]?.status;
    const alertsSoFar = async () =>
      (
        await runtime.db
          .select()
          .from(outbox)
          .where(and(like(outbox.idempotencyKey, 'undeliverable:%'), eq(outbox.status, 'sent')))
      ).length;

    await runtime.tick(FRIDAYS[0] as Date);
    const whileGone = { status: await sanneStatus(), alerts: await alertsSoFar() };

    sanneGone = false;
    runtime.clock.set('2027-03-08T08:00:00Z');
    const answer = await runtime.postSlack(
      'event',
      slackDm({
        user: STUDENT,
        channel: STUDENT_DM,
        text: 'Ik ben er weer!',
        at: runtime.clock.now(),
        eventId: 'EvBACK0001',
      }),
    );
    await runtime.waitForActs(1);
    const afterHerMessage = await sanneStatus();
    checkinsToSanne.length = 0;
    await runtime.tick(FRIDAYS[1] as Date);
    const deliveredWhenBack = checkinsToSanne.length;

    sanneGone = true;
    await runtime.tick(FRIDAYS[2] as Date);

    console.log(
      `[reliability] person gone, then back: alertsWhileGone=${whileGone.alerts} checkinAfterReturn=${deliveredWhenBack} ` +
        `alertsAfterGoneAgain=${await alertsSoFar()}`,
    );
    expect(whileGone).toEqual({ status: 'gone', alerts: 1 });
    expect(answer.status).toBe(200);
    expect(afterHerMessage).toBe('active');
    expect(deliveredWhenBack).toBeGreaterThanOrEqual(1);
    expect(await sanneStatus()).toBe('gone');
    expect(await alertsSoFar()).toBe(2);
  });

  it('brings back a Teams account when the app is installed again', async () => {
    rt = await startTestRuntime({ now: '2027-03-04T09:00:00Z' });
    const runtime = rt;
    const sanne = { ...SANNE_ON_TEAMS };
    expect(await runtime.seed(placementsCsv([{ ...PLACEMENT, studentEmail: sanne.email }]))).toMatchObject({
      applied: true,
    });
    runtime.connector.member.email = sanne.email;
    runtime.connector.member.userPrincipalName = sanne.email;
    const install = async (action: 'add' | 'remove', id: string) =>
      runtime.postTeams(
        teamsActivity(
          runtime.connector,
          sanne,
          { kind: 'installation', action },
          { id, at: runtime.clock.now() },
        ),
      );
    const status = async () =>
      (await runtime.db.select().from(identities).where(eq(identities.platformUserId, sanne.aadObjectId)))[0]
        ?.status;

    await install('add', 'install-1');
    const first = await status();
    await install('remove', 'uninstall-1');
    const removed = await status();
    await install('add', 'install-2');

    expect([first, removed, await status()]).toEqual(['active', 'gone', 'active']);
  });

  it('does not mark anyone gone when the Slack app is uninstalled: messages wait for its return', async () => {
    rt = await startTestRuntime({ now: '2027-03-04T09:00:00Z' });
    const runtime = rt;
    expect(await runtime.seed(placementsCsv([PLACEMENT]))).toMatchObject({ applied: true });
    await runtime.tick(FRIDAYS[0] as Date);

    await runtime.runtime.app.handler.lifecycle({
      type: 'uninstalled',
      platform: 'slack',
      tenant: 'T0STAGE',
    });

    const statuses = (await runtime.db.select().from(identities)).map((identity) => identity.status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 'active')).toBe(true);
  });
});
