import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/messages/model';
import { silentLogger } from '../../src/infra/logging';
import { createTeamsAdapter, type TeamsAdapter } from './adapter';
import { FIXTURE_TENANT, teamsActivityFor } from './fixtures';
import {
  createMemoryRefStore,
  createRecordingHandler,
  createSettableClock,
  type FakeConnector,
  type MemoryRefStore,
  message,
  postActivity,
  type RecordingHandler,
  startBotServer,
  startFakeConnector,
} from './test-support';

const STUDENT_AAD = '5f1c9a4e-2b7d-4c1e-9a3f-0d2e8b6c4a11';
const CHANNEL_ID = '19:c0ffee00aa11bb22cc33dd44ee55ff66@thread.tacv2';

let connector: FakeConnector;
let handler: RecordingHandler;
let refs: MemoryRefStore;
let bot: { url: string; close(): Promise<void> };
let teams: TeamsAdapter;
const clock = createSettableClock('2025-03-07T12:10:00.000Z');

async function start(
  config: Partial<Parameters<typeof createTeamsAdapter>[0]['config']> = {},
): Promise<void> {
  teams = createTeamsAdapter({
    config: {
      appId: undefined,
      appPassword: undefined,
      tenantId: undefined,
      appType: 'MultiTenant',
      allowedTenants: [FIXTURE_TENANT],
      ...config,
    },
    handler,
    refs,
    logger: silentLogger,
    clock,
    production: false,
  });
  bot = await startBotServer(teams.handleHttp);
}

beforeEach(async () => {
  connector = await startFakeConnector();
  handler = createRecordingHandler();
  refs = createMemoryRefStore();
});

afterEach(async () => {
  await bot?.close();
  await connector.close();
});

const activity = (...args: Parameters<typeof teamsActivityFor>) =>
  teamsActivityFor(args[0], { serviceUrl: connector.url, ...args[1] });

describe('inbound messages over HTTP', () => {
  it('hands a personal-chat message to the app with the timestamp Teams gave it', async () => {
    await start();
    const response = await postActivity(bot.url, activity({ kind: 'text', text: '  4  ' }));

    expect(response.status).toBe(200);
    expect(handler.handled).toHaveLength(1);
    expect(handler.handled[0]).toMatchObject({
      platform: 'teams',
      tenant: FIXTURE_TENANT,
      user: { platformUserId: STUDENT_AAD, email: 'sanne@school.example', displayName: 'Sanne de Vries' },
      conversation: { kind: 'direct' },
      payload: { type: 'text', text: '4' },
    });
    expect(handler.handled[0]!.sentAt.toISOString()).toBe('2025-03-07T12:05:09.123Z');
  });

  it('turns "@Stagecoach stage pauzeer …" in a channel into a command without the mention', async () => {
    await start();
    await postActivity(
      bot.url,
      activity(
        { kind: 'command', text: 'pauzeer sanne@school.example 2025-03-10 2025-03-21 ziek' },
        { conversation: 'channel' },
      ),
    );

    expect(handler.handled[0]!.payload).toEqual({
      type: 'command',
      text: 'pauzeer sanne@school.example 2025-03-10 2025-03-21 ziek',
    });
    expect(handler.handled[0]!.conversation).toEqual({ id: CHANNEL_ID, kind: 'channel' });
  });

  it('sends the app replies back in the same conversation as Adaptive Cards', async () => {
    await start();
    handler.respond = () => ({ replies: [message('checkin.thanks', 'Dank je!')], duplicate: false });

    await postActivity(bot.url, activity({ kind: 'text', text: '4' }));

    const replies = connector.posted().filter((call) => call.replyToId);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.conversationId).toBe('a:1XyZpersonalChatIdForStudent');
    expect(replies[0]!.body).toMatchObject({
      summary: 'Dank je!',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { version: '1.5' } }],
    });
  });

  it('gives a card submit and an Action.Execute the same action Inbound', async () => {
    await start();
    const act = { actionId: 'checkin.mood', value: '4', formValues: { note: 'prima week' } };

    await postActivity(bot.url, activity({ kind: 'submit', ...act }));
    const execute = await postActivity(
      bot.url,
      activity({ kind: 'execute', ...act }, { id: '1710000000002' }),
    );

    expect(handler.handled.map((inbound) => inbound.payload)).toEqual([
      { type: 'action', ...act },
      { type: 'action', ...act },
    ]);
    expect(execute.status).toBe(200);
    expect(JSON.parse(execute.body)).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Ontvangen, dank je!',
    });
  });

  it('answers politely with 200 when the app handler throws', async () => {
    await start();
    handler.respond = () => {
      throw new Error('database is down');
    };

    const response = await postActivity(bot.url, activity({ kind: 'text', text: 'hoi' }));

    expect(response.status).toBe(200);
    const replies = connector.posted();
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]!.body)).toContain('Oeps, daar ging aan mijn kant iets mis');
  });

  it('downloads a CSV shared with "import" in a personal chat and passes it as a file', async () => {
    await start();
    connector.files.set('placements.csv', 'student_email,student_name\nsanne@school.example,Sanne\n');

    await postActivity(
      bot.url,
      activity({
        kind: 'file',
        text: 'import',
        name: 'placements.csv',
        downloadUrl: `${connector.url}files/placements.csv`,
      }),
    );

    expect(handler.handled[0]!.payload).toEqual({
      type: 'file',
      name: 'placements.csv',
      content: 'student_email,student_name\nsanne@school.example,Sanne\n',
      text: 'import',
    });
  });
});

describe('what the app answers, shown on Teams', () => {
  it('escapes hostile text the app echoes back before it reaches Teams', async () => {
    await start();
    handler.respond = (inbound) => ({
      replies: [
        {
          key: 'starr.summary',
          summary: 'Samenvatting',
          blocks: [
            {
              type: 'quote',
              label: 'Situatie',
              text: inbound.payload.type === 'text' ? inbound.payload.text : '',
            },
          ],
        },
      ],
      duplicate: false,
    });

    await postActivity(
      bot.url,
      activity({ kind: 'text', text: '[Klik](https://phish.example) <at>Iedereen</at>' }),
    );

    const posted = JSON.stringify(connector.posted()[0]!.body);
    expect(posted).toContain('\\\\[Klik\\\\]\\\\(https://phish.example\\\\)');
    expect(posted).not.toContain('<at>');
  });

  it('shows a detail view asked for in a channel in the personal chat instead', async () => {
    await start();
    await postActivity(bot.url, activity({ kind: 'installation', action: 'add' }));
    connector.calls.length = 0;
    handler.respond = () => ({
      replies: [],
      view: message('overview.student', 'Sanne: alles op schema'),
      duplicate: false,
    });

    await postActivity(
      bot.url,
      activity({ kind: 'command', text: 'overzicht sanne@school.example' }, { conversation: 'channel' }),
    );

    const posts = connector.posted();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.conversationId).toBe('a:1XyZpersonalChatIdForStudent');
    expect(posts[0]!.body).toMatchObject({ summary: 'Sanne: alles op schema' });
  });

  it('asks for a personal chat in the channel when it cannot show a view privately', async () => {
    await start();
    handler.respond = () => ({
      replies: [],
      view: message('overview.student', 'Sanne: alles op schema'),
      duplicate: false,
    });

    await postActivity(
      bot.url,
      activity({ kind: 'command', text: 'overzicht sanne@school.example' }, { conversation: 'channel' }),
    );

    const posts = connector.posted();
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.body)).not.toContain('alles op schema');
    expect(JSON.stringify(posts[0]!.body)).toContain('Open een chat met mij');
  });

  it('sends nothing for an act the app already handled', async () => {
    await start();
    handler.respond = () => ({ replies: [message('checkin.thanks', 'Dank je!')], duplicate: true });

    await postActivity(bot.url, activity({ kind: 'text', text: '4' }));

    expect(connector.posted()).toHaveLength(0);
  });

  it('looks the member e-mail up once and reuses it for the next activity', async () => {
    await start();

    await postActivity(bot.url, activity({ kind: 'text', text: 'een' }, { id: 'a1' }));
    await postActivity(bot.url, activity({ kind: 'text', text: 'twee' }, { id: 'a2' }));

    expect(connector.calls.filter((call) => call.method === 'GET')).toHaveLength(1);
    expect(handler.handled.map((inbound) => inbound.user.email)).toEqual([
      'sanne@school.example',
      'sanne@school.example',
    ]);
  });

  it('tells the app a person is gone when they remove the app from their personal chat', async () => {
    await start();

    await postActivity(bot.url, activity({ kind: 'installation', action: 'remove' }));

    expect(handler.lifecycles).toEqual([
      { type: 'user-gone', platform: 'teams', tenant: FIXTURE_TENANT, platformUserId: STUDENT_AAD },
    ]);
  });
});

describe('who may talk to the bot', () => {
  it('refuses a tenant that is not on the allowed list with 403 and processes nothing', async () => {
    await start();

    const response = await postActivity(
      bot.url,
      activity({ kind: 'text', text: 'hoi' }, { tenantId: '99999999-9999-4999-8999-999999999999' }),
    );

    expect(response.status).toBe(403);
    expect(handler.handled).toHaveLength(0);
    expect(refs.entries.size).toBe(0);
    expect(connector.calls).toHaveLength(0);
  });

  it('rejects a request without a token with 401 when an app id is configured', async () => {
    await start({ appId: '0b4a6f7e-3c2d-4e1f-8a9b-123456789abc', appPassword: 'secret' });

    const response = await postActivity(bot.url, activity({ kind: 'text', text: 'hoi' }));

    expect(response.status).toBe(401);
    expect(handler.handled).toHaveLength(0);
  });

  it('rejects a forged token with 401 when an app id is configured', async () => {
    await start({ appId: '0b4a6f7e-3c2d-4e1f-8a9b-123456789abc', appPassword: 'secret' });

    const response = await postActivity(bot.url, activity({ kind: 'text', text: 'hoi' }), {
      authorization: 'Bearer not-a-real-token',
    });

    expect(response.status).toBe(401);
    expect(handler.handled).toHaveLength(0);
  });

  it('refuses to start in production without an app id, naming MICROSOFT_APP_ID', () => {
    expect(() =>
      createTeamsAdapter({
        config: {
          appId: undefined,
          appPassword: undefined,
          tenantId: undefined,
          appType: 'MultiTenant',
          allowedTenants: [],
        },
        handler: createRecordingHandler(),
        refs: createMemoryRefStore(),
        logger: silentLogger,
        clock,
        production: true,
      }),
    ).toThrow(/MICROSOFT_APP_ID/);
  });
});

describe('conversation references and proactive sends', () => {
  it('stores a personal reference with the e-mail on installationUpdate and shows the home view', async () => {
    await start();

    await postActivity(bot.url, activity({ kind: 'installation', action: 'add' }));

    const stored = refs.entries.get(`teams|${STUDENT_AAD}`);
    expect(stored).toMatchObject({ tenant: FIXTURE_TENANT, email: 'sanne@school.example' });
    expect(stored!.ref).toMatchObject({
      serviceUrl: connector.url,
      conversation: { id: 'a:1XyZpersonalChatIdForStudent' },
    });
    expect(handler.homes).toHaveLength(1);
    await expect(teams.gateway.findUserByEmail('Sanne@School.example')).resolves.toEqual({
      platform: 'teams',
      tenant: FIXTURE_TENANT,
      platformUserId: STUDENT_AAD,
    });
  });

  it('stores the channel reference without the thread suffix when the bot is added to a team', async () => {
    await start();

    await postActivity(bot.url, activity({ kind: 'members-added' }, { conversation: 'channel' }));

    expect(refs.entries.get(`teams|${CHANNEL_ID}`)?.ref).toMatchObject({ conversation: { id: CHANNEL_ID } });
  });

  it('sends a proactive check-in card through the stored reference as a new post', async () => {
    await start();
    await postActivity(bot.url, activity({ kind: 'installation', action: 'add' }));
    connector.calls.length = 0;
    const checkin: Message = {
      key: 'checkin.prompt',
      summary: 'Hoe ging je week?',
      blocks: [
        { type: 'text', text: 'Hoe ging je week?', style: 'heading' },
        { type: 'scale', actionId: 'checkin.mood', min: 1, max: 5, lowLabel: 'zwaar', highLabel: 'top' },
      ],
    };

    const outcome = await teams.gateway.send(
      { kind: 'user', platform: 'teams', tenant: FIXTURE_TENANT, platformUserId: STUDENT_AAD },
      checkin,
    );

    expect(outcome).toEqual({ ok: true, platformMessageId: expect.stringMatching(/^sent-/) });
    const [post] = connector.posted();
    expect(post).toMatchObject({ conversationId: 'a:1XyZpersonalChatIdForStudent' });
    expect(post!.replyToId).toBeUndefined();
    const card = (
      post!.body.attachments as Array<{ content: { body: Array<{ type: string; actions?: unknown[] }> } }>
    )[0]!.content;
    expect(card.body.find((element) => element.type === 'ActionSet')?.actions).toHaveLength(5);
  });

  it('reports a permanent failure when nobody stored a reference for the address', async () => {
    await start();

    const outcome = await teams.gateway.send(
      { kind: 'user', platform: 'teams', tenant: FIXTURE_TENANT, platformUserId: 'unknown-aad' },
      message('checkin.prompt', 'Hoe ging je week?'),
    );

    expect(outcome).toMatchObject({ ok: false, permanent: true });
  });

  it.each([
    {
      failure: { status: 429, headers: { 'retry-after': '30' } },
      expected: { ok: false, permanent: false, retryAfterMs: 30_000 },
    },
    {
      failure: { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } },
      expected: { ok: false, permanent: true },
    },
    { failure: { status: 404 }, expected: { ok: false, permanent: true } },
    { failure: { status: 503 }, expected: { ok: false, permanent: false } },
  ])('maps a connector HTTP $failure.status to $expected without waiting', async ({ failure, expected }) => {
    await start();
    await postActivity(bot.url, activity({ kind: 'installation', action: 'add' }));
    connector.failNext(failure);
    const started = Date.now();

    const outcome = await teams.gateway.send(
      { kind: 'user', platform: 'teams', tenant: FIXTURE_TENANT, platformUserId: STUDENT_AAD },
      message('checkin.prompt', 'Hoe ging je week?'),
    );

    expect(outcome).toMatchObject(expected);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('returns retryAfterMs instead of sending an eighth message within one second', async () => {
    await start();
    await postActivity(bot.url, activity({ kind: 'installation', action: 'add' }));
    const address = {
      kind: 'user',
      platform: 'teams',
      tenant: FIXTURE_TENANT,
      platformUserId: STUDENT_AAD,
    } as const;
    const outcomes = [];

    for (let index = 0; index < 8; index += 1) {
      outcomes.push(await teams.gateway.send(address, message('m', `bericht ${index}`)));
    }

    expect(outcomes.slice(0, 7).every((outcome) => outcome.ok)).toBe(true);
    expect(outcomes[7]).toEqual({
      ok: false,
      permanent: false,
      retryAfterMs: 1_000,
      reason: expect.any(String),
    });
  });
});
