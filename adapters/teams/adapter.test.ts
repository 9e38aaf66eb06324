import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/infra/logging';
import { createTeamsAdapter } from './adapter';
import { FIXTURE_TENANT } from './fixtures';
import { CHANNEL_ID, STUDENT_AAD, startTeamsHarness, type TeamsHarness } from './test-harness';
import { createMemoryRefStore, createRecordingHandler, createSettableClock, message } from './test-support';

let h: TeamsHarness;
afterEach(async () => {
  await h?.close();
});

describe('inbound messages over HTTP', () => {
  it('hands a personal-chat message to the app with the timestamp Teams gave it', async () => {
    h = await startTeamsHarness();
    const response = await h.post(h.activity({ kind: 'text', text: '  4  ' }));

    expect(response.status).toBe(200);
    expect(h.handler.handled).toHaveLength(1);
    expect(h.handler.handled[0]).toMatchObject({
      platform: 'teams',
      tenant: FIXTURE_TENANT,
      user: { platformUserId: STUDENT_AAD, email: 'sanne@school.example', displayName: 'Sanne de Vries' },
      conversation: { kind: 'direct' },
      payload: { type: 'text', text: '4' },
    });
    expect(h.handler.handled[0]!.sentAt.toISOString()).toBe('2025-03-07T12:05:09.123Z');
  });

  it('turns "@Stagecoach stage pauzeer …" in a channel into a command without the mention', async () => {
    h = await startTeamsHarness();
    await h.post(
      h.activity(
        { kind: 'command', text: 'pauzeer sanne@school.example 2025-03-10 2025-03-21 ziek' },
        { conversation: 'channel' },
      ),
    );

    expect(h.handler.handled[0]!.payload).toEqual({
      type: 'command',
      text: 'pauzeer sanne@school.example 2025-03-10 2025-03-21 ziek',
    });
    expect(h.handler.handled[0]!.conversation).toEqual({ id: CHANNEL_ID, kind: 'channel' });
  });

  it('sends the app replies back in the same conversation as Adaptive Cards', async () => {
    h = await startTeamsHarness();
    h.handler.respond = () => ({ replies: [message('checkin.thanks', 'Dank je!')], duplicate: false });

    await h.post(h.activity({ kind: 'text', text: '4' }));

    const replies = h.connector.posted().filter((call) => call.replyToId);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.conversationId).toBe('a:1XyZpersonalChatIdForStudent');
    expect(replies[0]!.body).toMatchObject({
      summary: 'Dank je!',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { version: '1.5' } }],
    });
  });

  it('queues a reply Teams will not take right now instead of losing it', async () => {
    h = await startTeamsHarness();
    h.handler.respond = () => ({ replies: [message('checkin.thanks', 'Dank je!')], duplicate: false });
    // The in-turn reply's own retries (the connector client retries a 429) all meet a 429 too.
    for (let i = 0; i < 4; i += 1) h.connector.failNext({ status: 429, headers: { 'retry-after': '0' } });

    const response = await h.post(h.activity({ kind: 'text', text: '4' }));

    expect(response.status).toBe(200);
    expect(h.handler.deferred).toEqual([
      { key: h.handler.handled[0]!.dedupeKey, messages: [message('checkin.thanks', 'Dank je!')] },
    ]);
  });

  it('answers politely with 200 when the app handler throws', async () => {
    h = await startTeamsHarness();
    h.handler.respond = () => {
      throw new Error('database is down');
    };

    const response = await h.post(h.activity({ kind: 'text', text: 'hoi' }));

    expect(response.status).toBe(200);
    const replies = h.connector.posted();
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]!.body)).toContain('Oeps, daar ging aan mijn kant iets mis');
  });

  it('downloads a CSV shared with "import" in a personal chat and passes it as a file', async () => {
    h = await startTeamsHarness();
    h.connector.files.set('placements.csv', 'student_email,student_name\nsanne@school.example,Sanne\n');

    await h.post(
      h.activity({
        kind: 'file',
        text: 'import',
        name: 'placements.csv',
        downloadUrl: `${h.connector.url}files/placements.csv`,
      }),
    );

    expect(h.handler.handled[0]!.payload).toEqual({
      type: 'file',
      name: 'placements.csv',
      content: 'student_email,student_name\nsanne@school.example,Sanne\n',
      text: 'import',
    });
  });
});

describe('who may talk to the bot', () => {
  it('refuses a tenant that is not on the allowed list with 403 and processes nothing', async () => {
    h = await startTeamsHarness();

    const response = await h.post(
      h.activity({ kind: 'text', text: 'hoi' }, { tenantId: '99999999-9999-4999-8999-999999999999' }),
    );

    expect(response.status).toBe(403);
    expect(h.handler.handled).toHaveLength(0);
    expect(h.refs.entries.size).toBe(0);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('rejects a request without a token with 401 when an app id is configured', async () => {
    h = await startTeamsHarness({ appId: '0b4a6f7e-3c2d-4e1f-8a9b-123456789abc', appPassword: 'secret' });

    const response = await h.post(h.activity({ kind: 'text', text: 'hoi' }));

    expect(response.status).toBe(401);
    expect(h.handler.handled).toHaveLength(0);
  });

  it('rejects a forged token with 401 when an app id is configured', async () => {
    h = await startTeamsHarness({ appId: '0b4a6f7e-3c2d-4e1f-8a9b-123456789abc', appPassword: 'secret' });

    const response = await h.post(h.activity({ kind: 'text', text: 'hoi' }), {
      authorization: 'Bearer not-a-real-token',
    });

    expect(response.status).toBe(401);
    expect(h.handler.handled).toHaveLength(0);
  });

  it('refuses to start in production without an app id, naming MICROSOFT_APP_ID', () => {
    expect(() =>
      createTeamsAdapter({
        config: {
          appId: undefined,
          appPassword: undefined,
          tenantId: undefined,
          appType: 'MultiTenant',
          unauthenticatedDev: false,
          allowedTenants: [],
        },
        handler: createRecordingHandler(),
        refs: createMemoryRefStore(),
        logger: silentLogger,
        clock: createSettableClock('2025-03-07T12:10:00.000Z'),
        production: true,
      }),
    ).toThrow(/MICROSOFT_APP_ID/);
  });
});
