import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/messages/model';
import { FIXTURE_TENANT } from './fixtures';
import { CHANNEL_ID, STUDENT_AAD, startTeamsHarness, type TeamsHarness } from './test-harness';
import { message } from './test-support';

let h: TeamsHarness;
afterEach(async () => {
  await h?.close();
});

describe('conversation references and proactive sends', () => {
  it('stores a personal reference with the e-mail on installationUpdate and shows the home view', async () => {
    h = await startTeamsHarness();

    await h.post(h.activity({ kind: 'installation', action: 'add' }));

    const stored = h.refs.entries.get(`teams|${STUDENT_AAD}`);
    expect(stored).toMatchObject({ tenant: FIXTURE_TENANT, email: 'sanne@school.example' });
    expect(stored!.ref).toMatchObject({
      serviceUrl: h.connector.url,
      conversation: { id: 'a:1XyZpersonalChatIdForStudent' },
    });
    expect(h.handler.homes).toHaveLength(1);
    await expect(h.teams.gateway.findUserByEmail('Sanne@School.example')).resolves.toEqual({
      ok: true,
      identity: { platform: 'teams', tenant: FIXTURE_TENANT, platformUserId: STUDENT_AAD },
    });
  });

  it('stores the channel reference without the thread suffix when the bot is added to a team', async () => {
    h = await startTeamsHarness();

    await h.post(h.activity({ kind: 'members-added' }, { conversation: 'channel' }));

    expect(h.refs.entries.get(`teams|${CHANNEL_ID}`)?.ref).toMatchObject({
      conversation: { id: CHANNEL_ID },
    });
  });

  it('sends a proactive check-in card through the stored reference as a new post', async () => {
    h = await startTeamsHarness();
    await h.post(h.activity({ kind: 'installation', action: 'add' }));
    h.connector.calls.length = 0;
    const checkin: Message = {
      key: 'checkin.prompt',
      summary: 'Hoe ging je week?',
      blocks: [
        { type: 'text', text: 'Hoe ging je week?', style: 'heading' },
        { type: 'scale', actionId: 'checkin.mood', min: 1, max: 5, lowLabel: 'zwaar', highLabel: 'top' },
      ],
    };

    const outcome = await h.teams.gateway.send(
      { kind: 'user', platform: 'teams', tenant: FIXTURE_TENANT, platformUserId: STUDENT_AAD },
      checkin,
    );

    expect(outcome).toEqual({ ok: true, platformMessageId: expect.stringMatching(/^sent-/) });
    const [post] = h.connector.posted();
    expect(post).toMatchObject({ conversationId: 'a:1XyZpersonalChatIdForStudent' });
    expect(post!.replyToId).toBeUndefined();
    const card = (
      post!.body.attachments as Array<{ content: { body: Array<{ type: string; actions?: unknown[] }> } }>
    )[0]!.content;
    expect(card.body.find((element) => element.type === 'ActionSet')?.actions).toHaveLength(5);
  });

  it('reports a permanent failure when nobody stored a reference for the address', async () => {
    h = await startTeamsHarness();

    const outcome = await h.teams.gateway.send(
      { kind: 'user', platform: 'teams', tenant: FIXTURE_TENANT, platformUserId: 'unknown-aad' },
      message('checkin.prompt', 'Hoe ging je week?'),
    );

    expect(outcome).toMatchObject({ ok: false, kind: 'permanent', problem: 'app-unavailable' });
  });

  it.each([
    {
      failure: { status: 429, headers: { 'retry-after': '30' } },
      expected: { ok: false, kind: 'transient', retryAfterMs: 30_000 },
    },
    {
      failure: { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } },
      expected: { ok: false, kind: 'permanent', problem: 'app-unavailable' },
    },
    {
      failure: { status: 403, body: { error: { code: 'BotDisabledByAdmin' } } },
      expected: { ok: false, kind: 'outage', scope: { platform: 'teams', tenant: FIXTURE_TENANT } },
    },
    { failure: { status: 401 }, expected: { ok: false, kind: 'outage', scope: { platform: 'teams' } } },
    { failure: { status: 404 }, expected: { ok: false, kind: 'permanent' } },
    { failure: { status: 503 }, expected: { ok: false, kind: 'transient' } },
  ])('maps a connector HTTP $failure.status to $expected without waiting', async ({ failure, expected }) => {
    h = await startTeamsHarness();
    await h.post(h.activity({ kind: 'installation', action: 'add' }));
    h.connector.failNext(failure);
    const postedBefore = h.connector.posted().length;

    const outcome = await h.teams.gateway.send(
      { kind: 'user', platform: 'teams', tenant: FIXTURE_TENANT, platformUserId: STUDENT_AAD },
      message('checkin.prompt', 'Hoe ging je week?'),
    );

    expect(outcome).toMatchObject(expected);
    // One call to the connector: the adapter's own retry policy is off (the outbox retries).
    expect(h.connector.posted().length - postedBefore).toBe(1);
  });

  it('returns retryAfterMs instead of sending an eighth message within one second', async () => {
    h = await startTeamsHarness();
    await h.post(h.activity({ kind: 'installation', action: 'add' }));
    const address = {
      kind: 'user',
      platform: 'teams',
      tenant: FIXTURE_TENANT,
      platformUserId: STUDENT_AAD,
    } as const;
    const outcomes = [];

    for (let index = 0; index < 8; index += 1) {
      outcomes.push(await h.teams.gateway.send(address, message('m', `bericht ${index}`)));
    }

    expect(outcomes.slice(0, 7).every((outcome) => outcome.ok)).toBe(true);
    expect(outcomes[7]).toEqual({
      ok: false,
      kind: 'transient',
      retryAfterMs: 1_000,
      reason: expect.any(String),
    });
  });
});
