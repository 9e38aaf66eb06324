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

    expect(outcome).toEqual({ ok: false, kind: 'transient', retryAfterMs: 7000, reason: 'rate_limited' });
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.each([
    ['user_disabled', toStudent, 'account-gone'],
    ['channel_not_found', toStudent, 'account-gone'],
    ['channel_not_found', toChannel, 'channel-missing'],
    ['not_in_channel', toChannel, 'bot-not-in-channel'],
    ['is_archived', toChannel, 'channel-missing'],
    ['msg_too_long', toChannel, 'refused'],
  ] as const)('treats %s (to a %s) as a permanent %s', async (error, address, problem) => {
    const { gateway, api } = await start();
    api.answer('chat.postMessage', () => ({ body: { ok: false, error } }));

    const outcome = await gateway.send(address, checkin);

    expect(outcome).toEqual({ ok: false, kind: 'permanent', reason: error, problem });
  });

  it.each([
    'invalid_auth',
    'not_authed',
    'token_revoked',
    'account_inactive',
    'missing_scope',
    'team_access_not_granted',
  ])('treats %s as an outage of Slack, not of the person', async (error) => {
    const { gateway, api } = await start();
    api.answer('chat.postMessage', () => ({ body: { ok: false, error } }));

    const outcome = await gateway.send(toStudent, checkin);

    expect(outcome).toEqual({ ok: false, kind: 'outage', reason: error, scope: { platform: 'slack' } });
  });

  it('classifies by the error code only, never by words in it', async () => {
    const { gateway, api } = await start();
    api.answer('chat.postMessage', () => ({ body: { ok: false, error: 'user_not_found_in_cache' } }));

    const outcome = await gateway.send(toStudent, checkin);

    expect(outcome).toEqual({ ok: false, kind: 'transient', reason: 'user_not_found_in_cache' });
  });

  it.each<[string, { status?: number; body: unknown }, string]>([
    ['a Slack internal error', { body: { ok: false, error: 'internal_error' } }, 'internal_error'],
    ['an HTTP 503', { status: 503, body: 'upstream down' }, 'http_503'],
  ])('treats %s as temporary', async (_name, answer, reason) => {
    const { gateway, api } = await start();
    api.answer('chat.postMessage', () => answer);

    const outcome = await gateway.send(toStudent, checkin);

    expect(outcome).toEqual({ ok: false, kind: 'transient', reason });
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

  it('resumes a split message after the parts an earlier attempt delivered', async () => {
    const { gateway, api } = await start();
    const blocks: Block[] = Array.from({ length: 120 }, (_, index) => ({
      type: 'text',
      text: `Student ${index}`,
    }));
    const digest: Message = { key: 'digest.weekly', summary: 'Weekoverzicht', blocks };
    let posts = 0;
    api.answer('chat.postMessage', () => {
      posts += 1;
      return posts === 2
        ? { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } }
        : { body: { ok: true, channel: MENTOR_CHANNEL, ts: `1.${posts}` } };
    });

    const first = await gateway.send(toChannel, digest);
    const retried = await gateway.send(toChannel, digest, {
      fromPart: first.ok ? 0 : (first.partsSent ?? 0),
    });

    expect(first).toMatchObject({ ok: false, kind: 'transient', partsSent: 1 });
    expect(retried.ok).toBe(true);
    const texts = api
      .callsTo('chat.postMessage')
      .map((call) => (call.args.blocks as Array<{ text?: { text?: string } }>)[0]?.text?.text);
    // Part 1, the refused part 2, then parts 2 and 3: part 1 is never repeated.
    expect(texts).toEqual(['Student 0', 'Student 50', 'Student 50', 'Student 100']);
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

    const found = await gateway.findUserByEmail('sanne@student.roc.nl');

    expect(found).toEqual({
      ok: true,
      identity: { platform: 'slack', tenant: TEAM, platformUserId: STUDENT },
    });
  });

  it('returns null for an unknown e-mail', async () => {
    const { gateway } = await start();

    expect(await gateway.findUserByEmail('nobody@roc.nl')).toEqual({ ok: true, identity: null });
  });

  it('returns null for a deactivated account', async () => {
    const { gateway, api } = await start();
    api.answer('users.lookupByEmail', () => ({
      body: { ok: true, user: { id: STUDENT, team_id: TEAM, deleted: true } },
    }));

    expect(await gateway.findUserByEmail('sanne@student.roc.nl')).toEqual({ ok: true, identity: null });
  });

  it('reports a revoked token as an outage instead of "not found"', async () => {
    const { gateway, api } = await start();
    api.answer('users.lookupByEmail', () => ({ body: { ok: false, error: 'token_revoked' } }));

    expect(await gateway.findUserByEmail('sanne@student.roc.nl')).toMatchObject({
      ok: false,
      kind: 'outage',
    });
  });
});
