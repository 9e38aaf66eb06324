import { afterEach, describe, expect, it } from 'vitest';
import { NOW_SECONDS, type SlackHarness, startSlackHarness } from './fixtures/harness';
import { messageIm } from './fixtures/payloads';
import { createRecordingHandler, type RecordingHandler } from './fixtures/recording-handler';
import { signedSlackRequest } from './fixtures/signed-request';

let harness: SlackHarness | undefined;

async function start(handler: RecordingHandler = createRecordingHandler()) {
  harness = await startSlackHarness(handler);
  return { harness, handler, api: harness.api };
}

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('request security', () => {
  it.each([
    ['an unsigned request', { 'content-type': 'application/json' }],
    [
      'a request with a forged signature',
      {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(NOW_SECONDS),
        'x-slack-signature': `v0=${'0'.repeat(64)}`,
      },
    ],
  ])('refuses %s with 401 and processes nothing', async (_name, headers) => {
    const { harness, handler, api } = await start();

    const response = await harness.post({ headers, body: JSON.stringify(messageIm()) });

    expect(response.status).toBe(401);
    expect(handler.inbounds).toHaveLength(0);
    expect(api.calls).toHaveLength(0);
  });

  it.each([
    ['six minutes old', NOW_SECONDS - 6 * 60],
    ['six minutes in the future', NOW_SECONDS + 6 * 60],
  ])('refuses a correctly signed request that is %s', async (_name, timestampSeconds) => {
    const { harness, handler } = await start();

    const response = await harness.send('event', messageIm(), { timestampSeconds });

    expect(response.status).toBe(401);
    expect(handler.inbounds).toHaveLength(0);
  });

  it('refuses a body that was changed after signing', async () => {
    const { harness, handler } = await start();
    const signed = signedSlackRequest('event', messageIm(), { timestampSeconds: NOW_SECONDS });

    const response = await harness.post({ ...signed, body: signed.body.replace('goed', 'slecht') });

    expect(response.status).toBe(401);
    expect(handler.inbounds).toHaveLength(0);
  });

  it('answers the url_verification challenge once signed', async () => {
    const { harness } = await start();

    const response = await harness.send('event', {
      type: 'url_verification',
      token: 't',
      challenge: 'c4ll3ng3',
    });

    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ challenge: 'c4ll3ng3' });
  });
});

describe('socket mode', () => {
  it('refuses HTTP deliveries while Socket Mode is configured', async () => {
    harness = await startSlackHarness(createRecordingHandler(), { appToken: 'xapp-test' });

    const response = await harness.send('event', messageIm());

    expect(response.status).toBe(404);
  });
});
