import { describe, expect, it } from 'vitest';
import { mapSendError, parseRetryAfter } from './send-errors';

const now = new Date('2025-03-07T12:00:00.000Z');

function restError(status: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`HTTP ${status}`), {
    statusCode: status,
    response: { status, headers: { get: (name: string) => headers[name] } },
  });
}

type Row = {
  status: number;
  headers: Record<string, string>;
  expected: { permanent: boolean; retryAfterMs?: number };
};

describe('mapSendError', () => {
  it.each<Row>([
    { status: 429, headers: { 'retry-after': '12' }, expected: { permanent: false, retryAfterMs: 12_000 } },
    { status: 412, headers: {}, expected: { permanent: false } },
    { status: 502, headers: {}, expected: { permanent: false } },
    {
      status: 503,
      headers: { 'retry-after': 'Fri, 07 Mar 2025 12:00:05 GMT' },
      expected: { permanent: false, retryAfterMs: 5_000 },
    },
    { status: 504, headers: {}, expected: { permanent: false } },
    { status: 403, headers: {}, expected: { permanent: true } },
    { status: 404, headers: {}, expected: { permanent: true } },
    { status: 400, headers: {}, expected: { permanent: true } },
  ])('maps HTTP $status to permanent=$expected.permanent', ({ status, headers, expected }) => {
    const outcome = mapSendError(restError(status, headers), now);

    expect(outcome).toMatchObject({ ok: false, ...expected });
    if (!('retryAfterMs' in expected)) expect(outcome).not.toHaveProperty('retryAfterMs');
  });

  it('treats a network error without a status as temporary', () => {
    const outcome = mapSendError(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      now,
    );

    expect(outcome).toEqual({ ok: false, permanent: false, reason: 'teams: network error (ECONNREFUSED)' });
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
