import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_TENANT } from './fixtures';
import { STUDENT_AAD, startTeamsHarness, type TeamsHarness } from './test-harness';
import { message } from './test-support';

let h: TeamsHarness;
afterEach(async () => {
  await h?.close();
});

describe('what the app answers, shown on Teams', () => {
  it('escapes hostile text the app echoes back before it reaches Teams', async () => {
    h = await startTeamsHarness();
    h.handler.respond = (inbound) => ({
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

    await h.post(h.activity({ kind: 'text', text: '[Klik](https://phish.example) <at>Iedereen</at>' }));

    const posted = JSON.stringify(h.connector.posted()[0]!.body);
    expect(posted).toContain('\\\\[Klik\\\\]\\\\(https://phish.example\\\\)');
    expect(posted).not.toContain('<at>');
  });

  it('shows a detail view asked for in a channel in the personal chat instead', async () => {
    h = await startTeamsHarness();
    await h.post(h.activity({ kind: 'installation', action: 'add' }));
    h.connector.calls.length = 0;
    h.handler.respond = () => ({
      replies: [],
      view: message('overview.student', 'Sanne: alles op schema'),
      duplicate: false,
    });

    await h.post(
      h.activity({ kind: 'command', text: 'overzicht sanne@school.example' }, { conversation: 'channel' }),
    );

    const posts = h.connector.posted();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.conversationId).toBe('a:1XyZpersonalChatIdForStudent');
    expect(posts[0]!.body).toMatchObject({ summary: 'Sanne: alles op schema' });
  });

  it('asks for a personal chat in the channel when it cannot show a view privately', async () => {
    h = await startTeamsHarness();
    h.handler.respond = () => ({
      replies: [],
      view: message('overview.student', 'Sanne: alles op schema'),
      duplicate: false,
    });

    await h.post(
      h.activity({ kind: 'command', text: 'overzicht sanne@school.example' }, { conversation: 'channel' }),
    );

    const posts = h.connector.posted();
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.body)).not.toContain('alles op schema');
    expect(JSON.stringify(posts[0]!.body)).toContain('Open een chat met mij');
  });

  it('sends nothing for an act the app already handled', async () => {
    h = await startTeamsHarness();
    h.handler.respond = () => ({ replies: [message('checkin.thanks', 'Dank je!')], duplicate: true });

    await h.post(h.activity({ kind: 'text', text: '4' }));

    expect(h.connector.posted()).toHaveLength(0);
  });

  it('looks the member e-mail up once and reuses it for the next activity', async () => {
    h = await startTeamsHarness();

    await h.post(h.activity({ kind: 'text', text: 'een' }, { id: 'a1' }));
    await h.post(h.activity({ kind: 'text', text: 'twee' }, { id: 'a2' }));

    expect(h.connector.calls.filter((call) => call.method === 'GET')).toHaveLength(1);
    expect(h.handler.handled.map((inbound) => inbound.user.email)).toEqual([
      'sanne@school.example',
      'sanne@school.example',
    ]);
  });

  it('tells the app a person is gone when they remove the app from their personal chat', async () => {
    h = await startTeamsHarness();

    await h.post(h.activity({ kind: 'installation', action: 'remove' }));

    expect(h.handler.lifecycles).toEqual([
      { type: 'user-gone', platform: 'teams', tenant: FIXTURE_TENANT, platformUserId: STUDENT_AAD },
    ]);
  });
});
