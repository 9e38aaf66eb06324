import { describe, expect, it } from 'vitest';
import type { Inbound } from '../../src/app/inbound';
import { inboundSchema } from '../../src/app/inbound';
import { FIXTURE_REQUEST_TIME, type SlackFixtureName, slackFixtureInbound } from './fixtures/parity';
import {
  ACTION_TS,
  appHomeOpened,
  botEcho,
  COORDINATOR,
  MENTOR,
  MENTOR_CHANNEL,
  MESSAGE_TS,
  messageEdited,
  messageIm,
  messageImFile,
  STUDENT,
  STUDENT_DM,
  TEAM,
} from './fixtures/payloads';
import { parseHomeOpened, parseMessageEvent, parseSlackTs } from './parse';
import { parseSlackText } from './slack-text';

describe('fixtures parse to the exact Inbound', () => {
  it.each<[SlackFixtureName, Inbound]>([
    [
      'message-im',
      {
        platform: 'slack',
        tenant: TEAM,
        user: { platformUserId: STUDENT },
        conversation: { id: STUDENT_DM, kind: 'direct' },
        sentAt: new Date('2025-03-07T09:00:00.000Z'),
        dedupeKey: 'Ev08CHECKIN01',
        payload: { type: 'text', text: 'Ik heb deze week <b>zelf</b> een overdracht gedaan & dat ging goed' },
      },
    ],
    [
      'slash-command',
      {
        platform: 'slack',
        tenant: TEAM,
        user: { platformUserId: COORDINATOR },
        conversation: { id: MENTOR_CHANNEL, kind: 'channel' },
        sentAt: FIXTURE_REQUEST_TIME,
        dedupeKey: '8571.4242.4e1c4d9c8f2b',
        payload: { type: 'command', text: 'pauze jan@school.nl 2025-03-10' },
      },
    ],
    [
      'block-actions',
      {
        platform: 'slack',
        tenant: TEAM,
        user: { platformUserId: STUDENT },
        conversation: { id: STUDENT_DM, kind: 'direct' },
        sentAt: new Date('2025-03-07T09:00:12.345Z'),
        dedupeKey: `${ACTION_TS}:checkin.mood::2:${STUDENT_DM}/${MESSAGE_TS}`,
        payload: { type: 'action', actionId: 'checkin.mood', value: '3' },
      },
    ],
    [
      'view-submission',
      {
        platform: 'slack',
        tenant: TEAM,
        user: { platformUserId: MENTOR },
        conversation: { id: MENTOR, kind: 'direct' },
        sentAt: FIXTURE_REQUEST_TIME,
        dedupeKey: '8571.4244.c0ffee000001',
        payload: {
          type: 'action',
          actionId: 'reflection.feedback.submit',
          value: 'report-42',
          formValues: { feedback: 'Mooi uitgewerkt & eerlijk.', verdict: 'approved', note: '' },
        },
      },
    ],
  ])('%s', (name, expected) => {
    const inbound = slackFixtureInbound(name);

    expect(inbound).toEqual(expected);
    expect(inboundSchema.safeParse(inbound).success).toBe(true);
  });
});

describe('message events', () => {
  it.each([
    ['an edit', messageEdited(), 'subtype message_changed'],
    ['a bot message', botEcho(), 'bot message'],
    [
      'a channel message',
      { ...messageIm(), event: { ...messageIm().event, channel_type: 'channel' } },
      'not a direct message',
    ],
    ['an empty DM', messageIm({ text: '   ' }), 'empty message'],
  ])('ignores %s', (_name, payload, reason) => {
    expect(parseMessageEvent(payload, { botUserId: 'U0BOT' })).toEqual({ kind: 'ignored', reason });
  });

  it('ignores our own user id even without a bot id', () => {
    const echo = { ...messageIm(), event: { ...messageIm().event, user: 'U0BOT' } };

    expect(parseMessageEvent(echo, { botUserId: 'U0BOT' })).toEqual({ kind: 'ignored', reason: 'own echo' });
  });

  it('asks for a download of a shared CSV, keeping the typed text', () => {
    const parsed = parseMessageEvent(messageImFile('https://files.slack.com'), {});

    expect(parsed).toMatchObject({
      kind: 'file',
      text: 'import',
      file: {
        name: 'plaatsingen.csv',
        url: `https://files.slack.com/files-pri/${TEAM}-F0PLACEMENTS/download/plaatsingen.csv`,
      },
      base: { dedupeKey: 'Ev08IMPORT001' },
    });
  });

  it('keeps the same dedupe key for a redelivered event', () => {
    const first = parseMessageEvent(messageIm(), {});
    const retry = parseMessageEvent(messageIm(), {});

    expect(first).toEqual(retry);
  });
});

describe('app home', () => {
  it('only reacts to the Home tab', () => {
    const messagesTab = { ...appHomeOpened(), event: { ...appHomeOpened().event, tab: 'messages' } };

    expect(parseHomeOpened(appHomeOpened())).toEqual({
      platform: 'slack',
      tenant: TEAM,
      platformUserId: STUDENT,
    });
    expect(parseHomeOpened(messagesTab)).toBeNull();
  });
});

describe('Slack timestamps', () => {
  it.each([
    ['1741338000.000100', '2025-03-07T09:00:00.000Z'],
    ['1741338012.345678', '2025-03-07T09:00:12.345Z'],
    ['1741388399.999999', '2025-03-07T22:59:59.999Z'],
    ['1741338000', '2025-03-07T09:00:00.000Z'],
  ])('reads %s as %s', (ts, iso) => {
    expect(parseSlackTs(ts).toISOString()).toBe(iso);
  });
});

describe('Slack markup in user text', () => {
  it.each([
    ['a &lt;b&gt; &amp; c', 'a <b> & c'],
    ['mail <mailto:jan@school.nl|jan@school.nl>', 'mail jan@school.nl'],
    ['zie <https://roc.nl/stage|de stagepagina>', 'zie de stagepagina (https://roc.nl/stage)'],
    ['zie <http://roc.nl|roc.nl>', 'zie roc.nl'],
    ['zie <https://roc.nl>', 'zie https://roc.nl'],
    ['hoi <@U0MENTOR|mark> en <@U0COORD>', 'hoi @U0MENTOR en @U0COORD'],
    ['digest <#C0MENTORS|mentoren>', 'digest #C0MENTORS'],
    ['<!here> <!channel> <!subteam^S1|@docenten> <!subteam^S2>', '@here @channel @docenten @S2'],
    ['<!date^1741338000^{date}|7 maart>', '7 maart'],
    ['&amp;lt; blijft letterlijk', '&lt; blijft letterlijk'],
  ])('reads %j as %j', (input, expected) => {
    expect(parseSlackText(input)).toBe(expected);
  });
});
