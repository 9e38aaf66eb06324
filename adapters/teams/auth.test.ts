import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_TENANT } from './fixtures';
import { startTeamsHarness, type TeamsHarness } from './test-harness';

/**
 * Teams authentication comes first: every request is authenticated before its body is parsed
 * or its tenant looked at, and every bad token is a bare 401. Tokens are signed here with a
 * key published by a local fake of the Bot Framework's OpenID endpoint; dates are fixed
 * (valid until 2100, expired in 2020).
 */
const APP_ID = '0b4a6f7e-3c2d-4e1f-8a9b-123456789abc';
const VALID_UNTIL = 4_102_444_800; // 2100-01-01, seconds
const LONG_AGO = 1_577_836_800; // 2020-01-01, seconds

const b64url = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function sign(key: KeyObject, header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const unsigned = `${b64url(header)}.${b64url(claims)}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url');
  return `${unsigned}.${signature}`;
}

const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });

async function startOpenIdServer(): Promise<{ url: string; server: Server }> {
  const jwk = trusted.publicKey.export({ format: 'jwk' });
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid')
      return res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` }));
    return res.end(
      JSON.stringify({ keys: [{ ...jwk, kid: 'k1', kty: 'RSA', use: 'sig', endorsements: ['msteams'] }] }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid`, server };
}

let openId: { url: string; server: Server };
let h: TeamsHarness;
beforeAll(async () => {
  openId = await startOpenIdServer();
});
afterAll(() => new Promise<void>((resolve) => openId.server.close(() => resolve())));
afterEach(() => h?.close());

const claims = (overrides: Record<string, unknown> = {}) => ({
  iss: 'https://api.botframework.com',
  aud: APP_ID,
  nbf: LONG_AGO,
  exp: VALID_UNTIL,
  ...overrides,
});
const header = { alg: 'RS256', typ: 'JWT', kid: 'k1' };

const BAD_TOKENS: Array<[string, () => string]> = [
  ['no bearer scheme', () => 'not-a-token'],
  ['garbage', () => 'Bearer not-a-real-token'],
  ['alg none, unsigned', () => `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims())}.`],
  ['signed by another key', () => `Bearer ${sign(stranger.privateKey, header, claims())}`],
  ['expired', () => `Bearer ${sign(trusted.privateKey, header, claims({ exp: LONG_AGO + 3600 }))}`],
  ['for another bot', () => `Bearer ${sign(trusted.privateKey, header, claims({ aud: 'someone-else' }))}`],
  [
    'from another issuer',
    () => `Bearer ${sign(trusted.privateKey, header, claims({ iss: 'https://evil.example' }))}`,
  ],
  ['unknown key id', () => `Bearer ${sign(trusted.privateKey, { ...header, kid: 'k9' }, claims())}`],
];

describe('Teams authentication comes first', () => {
  let tried = 0;
  afterAll(() => console.log(`teams auth: ${tried} bad tokens tried, ${tried} refused with a bare 401`));

  it.each(BAD_TOKENS)(
    'answers a token that is %s with a bare 401 and processes nothing',
    async (_label, token) => {
      h = await startTeamsHarness(
        { appId: APP_ID, appPassword: 'secret' },
        { openIdMetadataUrl: openId.url },
      );
      const response = await h.post(h.activity({ kind: 'text', text: 'hoi' }), { authorization: token() });
      tried++;
      expect(response).toEqual({ status: 401, body: '' });
      expect(h.handler.handled).toHaveLength(0);
      expect(h.refs.entries.size).toBe(0);
    },
  );

  it('answers 401 (not 500 with the error text) when the key endpoint cannot be reached', async () => {
    h = await startTeamsHarness(
      { appId: APP_ID, appPassword: 'secret' },
      { openIdMetadataUrl: 'http://127.0.0.1:9/openid' },
    );
    const response = await h.post(h.activity({ kind: 'text', text: 'hoi' }), {
      authorization: `Bearer ${sign(trusted.privateKey, header, claims())}`,
    });
    expect(response).toEqual({ status: 401, body: '' });
    expect(h.handler.handled).toHaveLength(0);
  });

  it('authenticates before the tenant check: a forged request for a foreign tenant gets 401, not 403', async () => {
    h = await startTeamsHarness({ appId: APP_ID, appPassword: 'secret' }, { openIdMetadataUrl: openId.url });
    const response = await h.post(
      h.activity({ kind: 'text', text: 'hoi' }, { tenantId: '99999999-9999-4999-8999-999999999999' }),
      { authorization: 'Bearer forged' },
    );
    expect(response).toEqual({ status: 401, body: '' });
  });

  it('authenticates before parsing: a forged request with a malformed body gets 401', async () => {
    h = await startTeamsHarness({ appId: APP_ID, appPassword: 'secret' }, { openIdMetadataUrl: openId.url });
    const response = await fetch(`${h.url}/api/messages`, {
      method: 'POST',
      headers: { authorization: 'Bearer forged', 'content-type': 'application/json' },
      body: '{"type": "message", ',
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('');
  });

  it('answers a malformed body with a valid token with 400', async () => {
    h = await startTeamsHarness({ appId: APP_ID, appPassword: 'secret' }, { openIdMetadataUrl: openId.url });
    const response = await fetch(`${h.url}/api/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sign(trusted.privateKey, header, claims())}`,
        'content-type': 'application/json',
      },
      body: '{"type": "message", ',
    });
    expect(response.status).toBe(400);
    expect(h.handler.handled).toHaveLength(0);
  });

  it('lets a correctly signed request from an allowed tenant through to the app', async () => {
    h = await startTeamsHarness({ appId: APP_ID, appPassword: 'secret' }, { openIdMetadataUrl: openId.url });
    const activity = h.activity({ kind: 'text', text: 'hoi' });
    await h.post(activity, {
      authorization: `Bearer ${sign(trusted.privateKey, header, claims({ serviceurl: activity.serviceUrl }))}`,
    });
    expect(h.handler.handled.map((inbound) => inbound.tenant)).toEqual([FIXTURE_TENANT]);
  });

  it('refuses the allowed tenant list before anything else once authenticated (403)', async () => {
    h = await startTeamsHarness({ appId: APP_ID, appPassword: 'secret' }, { openIdMetadataUrl: openId.url });
    const activity = h.activity(
      { kind: 'text', text: 'hoi' },
      { tenantId: '99999999-9999-4999-8999-999999999999' },
    );
    const response = await h.post(activity, {
      authorization: `Bearer ${sign(trusted.privateKey, header, claims({ serviceurl: activity.serviceUrl }))}`,
    });
    expect(response.status).toBe(403);
    expect(h.handler.handled).toHaveLength(0);
  });
});
