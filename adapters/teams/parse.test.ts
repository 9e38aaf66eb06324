import { describe, expect, it } from 'vitest';
import { FIXTURE_BOT_ID, FIXTURE_TENANT, teamsActivityFor } from './fixtures';
import { parseTeamsActivity } from './parse';

const receivedAt = new Date('2025-03-08T00:02:00.000Z');

function inboundOf(activity: Record<string, unknown>) {
  const result = parseTeamsActivity(activity, { receivedAt, email: 'sanne@school.example' });
  if (result.kind !== 'inbound') throw new Error(`expected an inbound, got ${result.kind}`);
  return result.inbound;
}

describe('parseTeamsActivity', () => {
  it.each([
    {
      text: 'stage pauzeer sanne@school.example',
      expected: { type: 'command', text: 'pauzeer sanne@school.example' },
    },
    { text: 'Stage help', expected: { type: 'command', text: 'help' } },
    { text: '/stage   overzicht  klas-3a ', expected: { type: 'command', text: 'overzicht  klas-3a' } },
    { text: 'stage', expected: { type: 'command', text: '' } },
    { text: 'stagecoach is leuk', expected: { type: 'text', text: 'stagecoach is leuk' } },
    { text: '  mijn stage gaat goed  ', expected: { type: 'text', text: 'mijn stage gaat goed' } },
  ])('reads "$text" in a personal chat as $expected.type', ({ text, expected }) => {
    const inbound = inboundOf(teamsActivityFor({ kind: 'text', text }));

    expect(inbound.payload).toEqual(expected);
  });

  it('strips only the bot mention from channel text', () => {
    const activity = {
      ...teamsActivityFor({ kind: 'text', text: '' }, { conversation: 'channel' }),
      text: '<at>Stagecoach</at> vraag aan <at>Jan</at>&nbsp;over de stage',
      entities: [
        {
          type: 'mention',
          text: '<at>Stagecoach</at>',
          mentioned: { id: FIXTURE_BOT_ID, name: 'Stagecoach' },
        },
        { type: 'mention', text: '<at>Jan</at>', mentioned: { id: '29:jan', name: 'Jan' } },
      ],
    };

    expect(inboundOf(activity).payload).toEqual({
      type: 'text',
      text: 'vraag aan <at>Jan</at> over de stage',
    });
  });

  it('uses the activity timestamp as sentAt, not the time it was processed', () => {
    const inbound = inboundOf(
      teamsActivityFor({ kind: 'text', text: 'ok' }, { timestamp: '2025-03-07T22:59:30.000Z' }),
    );

    expect(inbound.sentAt.toISOString()).toBe('2025-03-07T22:59:30.000Z');
  });

  it('builds identity, tenant, conversation and dedupe key from the activity', () => {
    const inbound = inboundOf(teamsActivityFor({ kind: 'text', text: 'ok' }, { id: 'act-42' }));

    expect(inbound).toMatchObject({
      platform: 'teams',
      tenant: FIXTURE_TENANT,
      user: { platformUserId: '5f1c9a4e-2b7d-4c1e-9a3f-0d2e8b6c4a11', email: 'sanne@school.example' },
      conversation: { id: 'a:1XyZpersonalChatIdForStudent', kind: 'direct' },
      dedupeKey: 'teams:a:1XyZpersonalChatIdForStudent:act-42',
    });
  });

  it('falls back to the Teams user id when there is no AAD object id', () => {
    const activity = teamsActivityFor({ kind: 'text', text: 'ok' });
    const from = { id: '29:only-teams-id', name: 'Gast' };

    expect(inboundOf({ ...activity, from }).user.platformUserId).toBe('29:only-teams-id');
  });

  it('reads the tenant from channelData when the conversation has none', () => {
    const activity = teamsActivityFor({ kind: 'text', text: 'ok' }, { tenantId: 'tenant-from-channel-data' });
    const conversation = { id: 'a:1', conversationType: 'personal' };

    expect(inboundOf({ ...activity, conversation }).tenant).toBe('tenant-from-channel-data');
  });

  it('reads a card submit as an action with its value and form inputs', () => {
    const act = {
      actionId: 'feedback.submit',
      value: 'report-7',
      formValues: { feedback: 'Mooi!', verdict: 'ok' },
    };

    expect(inboundOf(teamsActivityFor({ kind: 'submit', ...act })).payload).toEqual({
      type: 'action',
      ...act,
    });
  });

  it('returns a download request for a CSV shared with "importeer" in a personal chat', () => {
    const activity = teamsActivityFor({
      kind: 'file',
      text: 'stage importeer',
      name: 'klas.csv',
      downloadUrl: 'https://example.org/klas.csv',
    });

    const result = parseTeamsActivity(activity, { receivedAt });

    expect(result).toMatchObject({
      kind: 'file',
      downloadUrl: 'https://example.org/klas.csv',
      inbound: { payload: { type: 'file', name: 'klas.csv', content: '', text: 'stage importeer' } },
    });
  });

  it('treats a file without the import word as ordinary text', () => {
    const activity = teamsActivityFor({
      kind: 'file',
      text: 'kijk eens',
      name: 'a.csv',
      downloadUrl: 'https://x/a',
    });

    expect(parseTeamsActivity(activity, { receivedAt })).toMatchObject({
      kind: 'inbound',
      inbound: { payload: { type: 'text', text: 'kijk eens' } },
    });
  });

  it.each([
    { name: 'typing', activity: { ...teamsActivityFor({ kind: 'text', text: '' }), type: 'typing' } },
    { name: 'an empty message', activity: teamsActivityFor({ kind: 'text', text: '   ' }) },
    { name: 'a message without sender', activity: { type: 'message', text: 'hoi' } },
  ])('ignores $name', ({ activity }) => {
    expect(parseTeamsActivity(activity, { receivedAt }).kind).toBe('ignored');
  });
});
