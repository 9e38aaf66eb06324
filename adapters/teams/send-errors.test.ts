import { describe, expect, it } from 'vitest';
import type { Address } from '../../src/app/ports';
import { mapSendError, parseRetryAfter } from './send-errors';

const now = new Date('2025-03-07T12:00:00.000Z');

function restError(status: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`HTTP ${status}`), {
    statusCode: status,
    response: { status, headers: { get: (name: string) => headers[name] } },
  });
}

const toPerson: Address = { kind: 'user', platform: 'teams', tenant: 'tenant-1', platformUserId: 'aad-1' };
const toChannel: Address = { kind: 'channel', platform: 'teams', tenant: 'tenant-1', channelId: '19:abc' };

function connectorError(status: number, code?: string, headers: Record<string, string> = {}) {
  return Object.assign(restError(status, headers), {
    response: {
      status,
      headers: { get: (name: string) => headers[name] },
      ...(code ? { parsedBody: { error: { code, message: 'scripted' } } } : {}),
    },
  });
}

type Row = {
  status: number;
  headers: Record<string, string>;
  expected: Record<string, unknown>;
};

describe('mapSendError', () => {
  it.each<Row>([
    { status: 429, headers: { 'retry-after': '12' }, expected: { kind: 'transient', retryAfterMs: 12_000 } },
    { status: 412, headers: {}, expected: { kind: 'transient' } },
    { status: 502, headers: {}, expected: { kind: 'transient' } },
    {
      status: 503,
      headers: { 'retry-after': 'Fri, 07 Mar 2025 12:00:05 GMT' },
      expected: { kind: 'transient', retryAfterMs: 5_000 },
    },
    { status: 504, headers: {}, expected: { kind: 'transient' } },
    { status: 401, headers: {}, expected: { kind: 'outage', scope: { platform: 'teams' } } },
    {
      status: 403,
      headers: {},
      expected: { kind: 'outage', scope: { platform: 'teams', tenant: 'tenant-1' } },
    },
    { status: 404, headers: {}, expected: { kind: 'permanent', problem: 'app-unavailable' } },
    { status: 400, headers: {}, expected: { kind: 'permanent', problem: 'refused' } },
  ])('maps HTTP $status to $expected.kind', ({ status, headers, expected }) => {
    const outcome = mapSendError(restError(status, headers), now, toPerson);

    expect(outcome).toMatchObject({ ok: false, ...expected });
    if (!('retryAfterMs' in expected)) expect(outcome).not.toHaveProperty('retryAfterMs');
  });

  it('treats a 403 for a person who removed the app as that person, not the tenant', () => {
    const outcome = mapSendError(connectorError(403, 'BotNotInConversationRoster'), now, toPerson);

    expect(outcome).toEqual({
      ok: false,
      kind: 'permanent',
      reason: 'teams: HTTP 403 BotNotInConversationRoster',
      problem: 'app-unavailable',
    });
  });

  it('treats a 403 roster error in a channel as the bot not being in that channel', () => {
    const outcome = mapSendError(connectorError(403, 'BotNotInConversationRoster'), now, toChannel);

    expect(outcome).toMatchObject({ kind: 'permanent', problem: 'bot-not-in-channel' });
  });

  it('treats a refused app secret at the token service as an outage of all of Teams', () => {
    const outcome = mapSendError(
      Object.assign(new Error('AADSTS7000215'), { errorCode: 'invalid_client' }),
      now,
      toPerson,
    );

    expect(outcome).toEqual({
      ok: false,
      kind: 'outage',
      reason: 'teams: token invalid_client',
      scope: { platform: 'teams' },
    });
  });

  it('treats a network error without a status as temporary', () => {
    const outcome = mapSendError(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      now,
      toPerson,
    );

    expect(outcome).toEqual({ ok: false, kind: 'transient', reason: 'teams: network error (ECONNREFUSED)' });
  });
});

describe('parseRetryAfter', () => {
  it.each([
    { value: '0', expected: 0 },
    { value: '1.5', expected: 1_500 },
    { value: 'Fri, 07 Mar 2025 11:59:00 GMT', expected: 0 },
    { value: 'soon', expected: undefined },
    { value: undefined, expected: undefined },
  ])('reads "$value" as $expected ms', ({ value, expected }) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
