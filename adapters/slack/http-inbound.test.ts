import { afterEach, describe, expect, it } from 'vitest';
import type { Inbound } from '../../src/app/inbound';
import { BOT_TOKEN } from './fixtures/fake-slack-api';
import { NOW, type SlackHarness, startSlackHarness } from './fixtures/harness';
import {
  ACTION_TS,
  appHomeOpened,
  appUninstalled,
  blockActions,
  botEcho,
  COORDINATOR,
  MENTOR,
  MENTOR_CHANNEL,
  messageEdited,
  messageIm,
  messageImFile,
  STUDENT,
  STUDENT_DM,
  slashCommand,
  TEAM,
  tokensRevoked,
  viewSubmission,
} from './fixtures/payloads';
import { createRecordingHandler, type RecordingHandler, reply } from './fixtures/recording-handler';

let harness: SlackHarness | undefined;

async function start(handler: RecordingHandler = createRecordingHandler()) {
  harness = await startSlackHarness(handler);
  return { harness, handler, api: harness.api };
}

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('direct messages', () => {
  it('turns a DM into a text Inbound with Slack time, event id and the e-mail from users.info', async () => {
    const { harness, handler, api } = await start();

    const response = await harness.send('event', messageIm());
    await api.waitForCalls('chat.postMessage', 1);

    expect(response.status).toBe(200);
    expect(handler.inbounds).toEqual<Inbound[]>([
      {
        platform: 'slack',
        tenant: TEAM,
        user: { platformUserId: STUDENT, email: 'sanne@student.roc.nl', displayName: 'Sanne de Vries' },
        conversation: { id: STUDENT_DM, kind: 'direct' },
        sentAt: new Date('2025-03-07T09:00:00.000Z'),
        dedupeKey: 'Ev08CHECKIN01',
        payload: { type: 'text', text: 'Ik heb deze week <b>zelf</b> een overdracht gedaan & dat ging goed' },
      },
    ]);
    expect(api.callsTo('chat.postMessage')[0]?.args).toMatchObject({
      channel: STUDENT_DM,
      text: 'Dank je, genoteerd.',
    });
  });

  it('gives a retried delivery the same dedupe key and answers only once', async () => {
    const { harness, handler, api } = await start();

    await harness.send('event', messageIm());
    await api.waitForCalls('chat.postMessage', 1);
    const retry = await harness.send('event', messageIm(), { retryNum: 1 });
    await harness.adapter.stop();

    expect(retry.status).toBe(200);
    expect(handler.inbounds.map((inbound) => inbound.dedupeKey)).toEqual(['Ev08CHECKIN01', 'Ev08CHECKIN01']);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.each([
    ['an edited message', messageEdited()],
    ['the bot’s own echo', botEcho()],
  ])('ignores %s', async (_name, payload) => {
    const { harness, handler } = await start();

    const response = await harness.send('event', payload);
    await harness.adapter.stop();

    expect(response.status).toBe(200);
    expect(handler.inbounds).toHaveLength(0);
  });

  it('downloads a shared CSV with the bot token and hands it over as a file', async () => {
    const { harness, handler, api } = await start();
    const payload = messageImFile(api.origin);
    api.serveFile(
      new URL(payload.event.files[0]?.url_private_download ?? '').pathname,
      'student_email,student_name\nsanne@student.roc.nl,Sanne\n',
    );

    await harness.send('event', payload);
    await api.waitForCalls('chat.postMessage', 1);

    expect(api.callsTo('file')[0]?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(handler.inbounds[0]?.payload).toEqual({
      type: 'file',
      name: 'plaatsingen.csv',
      content: 'student_email,student_name\nsanne@student.roc.nl,Sanne\n',
      text: 'import',
    });
  });

  it('answers a failing handler politely, in the person’s language, and with a 500 so Slack retries the act', async () => {
    const handler = createRecordingHandler(() => {
      throw new Error('database is down');
    });
    const { harness, api } = await start(handler);

    const response = await harness.send('event', messageIm());
    const [notice] = await api.waitForCalls('chat.postMessage', 1);

    expect(response.status).toBe(500);
    expect(notice?.args.channel).toBe(STUDENT_DM);
    expect(String(notice?.args.text)).toContain('Probeer het zo nog een keer');
  });

  it('acknowledges only once the app has committed the act, and replies after that', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { harness, handler, api } = await start(
      createRecordingHandler(async () => {
        await gate;
        return { replies: [reply('test.late', 'Klaar')] };
      }),
    );

    let answered = false;
    const pending = harness.send('event', messageIm()).then((response) => {
      answered = true;
      return response;
    });
    while (handler.inbounds.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const answeredBeforeCommit = answered;
    release();
    const response = await pending;
    await api.waitForCalls('chat.postMessage', 1);

    expect(answeredBeforeCommit).toBe(false);
    expect(response.status).toBe(200);
  });

  it('queues a reply Slack refuses right now in the outbox instead of losing it', async () => {
    const { harness, handler, api } = await start();
    api.answer('chat.postMessage', () => ({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { ok: false, error: 'ratelimited' },
    }));

    const response = await harness.send('event', messageIm());
    await harness.adapter.stop();

    expect(response.status).toBe(200);
    expect(handler.deferred).toEqual([
      { key: 'Ev08CHECKIN01', messages: [reply('test.ack', 'Dank je, genoteerd.')] },
    ]);
  });
});

describe('slash commands', () => {
  it('sends /stage as a command Inbound timed by the signed request and replies ephemerally', async () => {
    const { harness, handler, api } = await start(
      createRecordingHandler(() => ({
        replies: [reply('command.usage', 'Gebruik: /stage pauze <e-mail> <datum>')],
      })),
    );

    const response = await harness.send('command', slashCommand(api.origin));
    const [responded] = await api.waitForCalls('respond', 1);

    expect(response.status).toBe(200);
    expect(handler.inbounds).toEqual<Inbound[]>([
      {
        platform: 'slack',
        tenant: TEAM,
        user: { platformUserId: COORDINATOR, email: 'petra@roc.nl', displayName: 'Petra Bakker' },
        conversation: { id: MENTOR_CHANNEL, kind: 'channel' },
        sentAt: NOW,
        dedupeKey: '8571.4242.4e1c4d9c8f2b',
        payload: { type: 'command', text: 'pauze jan@school.nl 2025-03-10' },
      },
    ]);
    expect(responded?.args).toMatchObject({
      response_type: 'ephemeral',
      text: 'Gebruik: /stage pauze &lt;e-mail&gt; &lt;datum&gt;',
    });
  });

  it('answers a failing command with a polite ephemeral reply and a 500', async () => {
    const { harness, api } = await start(createRecordingHandler(() => Promise.reject(new Error('bug'))));

    const response = await harness.send('command', slashCommand(api.origin));
    const [responded] = await api.waitForCalls('respond', 1);

    expect(response.status).toBe(500);
    expect(responded?.args.response_type).toBe('ephemeral');
    expect(String(responded?.args.text)).toContain('daar ging aan mijn kant iets mis');
  });
});

describe('interactivity', () => {
  it('turns a scale click into an action Inbound with the suffix stripped and opens a returned view', async () => {
    const view = {
      key: 'digest.details',
      summary: 'Details',
      blocks: [{ type: 'text' as const, text: 'Sanne: check-in beantwoord' }],
    };
    const { harness, handler, api } = await start(createRecordingHandler(() => ({ replies: [], view })));

    const response = await harness.send('interaction', blockActions(api.origin));
    const [opened] = await api.waitForCalls('views.open', 1);

    expect(response.status).toBe(200);
    expect(handler.inbounds).toEqual<Inbound[]>([
      {
        platform: 'slack',
        tenant: TEAM,
        user: { platformUserId: STUDENT, email: 'sanne@student.roc.nl', displayName: 'Sanne de Vries' },
        conversation: { id: STUDENT_DM, kind: 'direct' },
        sentAt: new Date('2025-03-07T09:00:12.345Z'),
        dedupeKey: `${ACTION_TS}:checkin.mood::2:${STUDENT_DM}/1741338000.000100`,
        payload: { type: 'action', actionId: 'checkin.mood', value: '3' },
      },
    ]);
    expect(opened?.args.trigger_id).toBe('8571.4243.9b2f00aa1c3d');
    expect(opened?.args.view).toMatchObject({ type: 'modal', title: { text: 'Stagecoach' } });
  });

  it('answers a click in a channel privately with chat.postEphemeral', async () => {
    const { harness, api } = await start();
    const payload = blockActions(api.origin);
    const inChannel = {
      ...payload,
      container: { ...payload.container, channel_id: MENTOR_CHANNEL },
      channel: { id: MENTOR_CHANNEL, name: 'mentoren' },
    };

    await harness.send('interaction', inChannel);
    const [ephemeral] = await api.waitForCalls('chat.postEphemeral', 1);

    expect(ephemeral?.args).toMatchObject({ channel: MENTOR_CHANNEL, user: STUDENT });
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('turns a submitted modal into the form’s action with its value and all inputs', async () => {
    const { harness, handler, api } = await start();

    const response = await harness.send('interaction', viewSubmission());
    await api.waitForCalls('chat.postMessage', 1);

    expect(response.status).toBe(200);
    expect(handler.inbounds).toEqual<Inbound[]>([
      {
        platform: 'slack',
        tenant: TEAM,
        user: { platformUserId: MENTOR, email: 'mark@zorggroep.nl', displayName: 'Mark Jansen' },
        conversation: { id: MENTOR, kind: 'direct' },
        sentAt: NOW,
        dedupeKey: '8571.4244.c0ffee000001',
        payload: {
          type: 'action',
          actionId: 'reflection.feedback.submit',
          value: 'report-42',
          formValues: { feedback: 'Mooi uitgewerkt & eerlijk.', verdict: 'approved', note: '' },
        },
      },
    ]);
  });
});

describe('app home and lifecycle', () => {
  it('publishes the home view the app renders for the person', async () => {
    const { harness, handler, api } = await start();

    await harness.send('event', appHomeOpened());
    const [published] = await api.waitForCalls('views.publish', 1);

    expect(handler.homes).toEqual([
      {
        identity: { platform: 'slack', tenant: TEAM, platformUserId: STUDENT, email: 'sanne@student.roc.nl' },
        at: NOW,
      },
    ]);
    expect(published?.args.user_id).toBe(STUDENT);
    expect(published?.args.view).toMatchObject({ type: 'home' });
  });

  it.each([
    ['app_uninstalled', appUninstalled(), { type: 'uninstalled', platform: 'slack', tenant: TEAM }],
    [
      'tokens_revoked',
      tokensRevoked(),
      { type: 'tokens-revoked', platform: 'slack', tenant: TEAM, platformUserIds: [STUDENT, 'U0BOT'] },
    ],
  ])('passes %s on as a lifecycle event', async (_name, payload, expected) => {
    const { harness, handler } = await start();

    const response = await harness.send('event', payload);
    await harness.adapter.stop();

    expect(response.status).toBe(200);
    expect(handler.lifecycles).toEqual([expected]);
  });
});
