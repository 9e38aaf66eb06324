import { afterEach, describe, expect, it } from 'vitest';
import type { Address } from '../../src/app/ports';
import type { Block, Message } from '../../src/core/messages/model';
import { type SlackHarness, startSlackHarness } from './fixtures/harness';
import { MENTOR_CHANNEL, STUDENT, TEAM } from './fixtures/payloads';
import { createRecordingHandler } from './fixtures/recording-handler';

let harness: SlackHarness | undefined;

async function start() {
  harness = await startSlackHarness(createRecordingHandler());
  return { gateway: harness.adapter.gateway, api: harness.api };
}

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const toStudent: Address = { kind: 'user', platform: 'slack', tenant: TEAM, platformUserId: STUDENT };
const toChannel: Address = { kind: 'channel', platform: 'slack', tenant: TEAM, channelId: MENTOR_CHANNEL };
const checkin: Message = {
  key: 'checkin.prompt',
  summary: 'Hoe ging je week?',
  blocks: [{ type: 'scale', actionId: 'checkin.mood', min: 1, max: 5 }],
};

describe('send', () => {
  it('posts to a user id (the app DM) and returns Slack’s message ts', async () => {
    const { gateway, api } = await start();

    const outcome = await gateway.send(toStudent, checkin);

    expect(outcome).toEqual({ ok: true, platformMessageId: '1741338101.000200' });
    expect(api.callsTo('chat.postMessage')[0]?.args).toMatchObject({
      channel: STUDENT,
      text: 'Hoe ging je week?',
      blocks: [{ type: 'actions' }],
    });
  });

  it('returns a 429 with its Retry-After in milliseconds, without retrying itself', async () => {
    const { gateway, api } = await start();
    api.answer('chat.postMessage', () => ({
      status: 429,
      headers: { 'retry-after': '7' },
      body: { ok: false, error: 'ratelimited' },
    }));

    const outcome = await gateway.send(toChannel, checkin);

    expect(outcome).toEqual({ ok: false, permanent: false, retryAfterMs: 7000, reason: 'rate_limited' });
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.each([
    'user_disabled',
    'account_inactive',
    'channel_not_found',
    'not_in_channel',
    'is_archived',
    'token_revoked',
  ])('treats %s as permanent', async (error) => {
    const { gateway, api } = await start();
    api.answer('chat.postMessage', () => ({ body: { ok: false, error } }));

    const outcome = await gateway.send(toStudent, checkin);

    expect(outcome).toEqual({ ok: false, permanent: true, reason: error });
  });

  it.each<[string, { status?: number; body: unknown }, string]>([
    ['a Slack internal error', { body: { ok: false, error: 'internal_error' } }, 'internal_error'],
    ['an HTTP 503', { status: 503, body: 'upstream down' }, 'http_503'],
  ])('treats %s as temporary', async (_name, answer, reason) => {
    const { gateway, api } = await start();
    api.answer('chat.postMessage', () => answer);

    const outcome = await gateway.send(toStudent, checkin);

    expect(outcome).toEqual({ ok: false, permanent: false, reason });
  });

  it('sends a message of 60 sections as two posts of 50 and 10 blocks', async () => {
    const { gateway, api } = await start();
    const blocks: Block[] = Array.from({ length: 60 }, (_, index) => ({
      type: 'text',
      text: `Student ${index}`,
    }));

    const outcome = await gateway.send(toChannel, { key: 'digest.weekly', summary: 'Weekoverzicht', blocks });

    expect(outcome.ok).toBe(true);
    expect(api.callsTo('chat.postMessage').map((call) => (call.args.blocks as unknown[]).length)).toEqual([
      50, 10,
    ]);
  });

  it('refuses an address of another platform as a bug', async () => {
    const { gateway } = await start();

    await expect(gateway.send({ ...toStudent, platform: 'teams' }, checkin)).rejects.toThrow(
      /teams address/u,
    );
  });
});

describe('findUserByEmail', () => {
  it('finds a person by e-mail', async () => {
    const { gateway } = await start();

    const identity = await gateway.findUserByEmail('sanne@student.roc.nl');

    expect(identity).toEqual({ platform: 'slack', tenant: TEAM, platformUserId: STUDENT });
  });

  it('returns null for an unknown e-mail', async () => {
    const { gateway } = await start();

    expect(await gateway.findUserByEmail('nobody@roc.nl')).toBeNull();
  });

  it('returns null for a deactivated account', async () => {
    const { gateway, api } = await start();
    api.answer('users.lookupByEmail', () => ({
      body: { ok: true, user: { id: STUDENT, team_id: TEAM, deleted: true } },
    }));

    expect(await gateway.findUserByEmail('sanne@student.roc.nl')).toBeNull();
  });
});
