import { afterEach, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from './fixtures/harness';
import { blockActions, messageIm, messageImFile, slashCommand } from './fixtures/payloads';
import { createRecordingHandler } from './fixtures/recording-handler';

/**
 * Identity only from the installed workspace (auth.test's team): a correctly signed act from
 * another team (a shared channel, an org-wide app) is dropped before any user lookup.
 */
let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const FOREIGN = 'T0ELSEWHERE';

function foreign<T extends Record<string, unknown>>(payload: T): T {
  const json = JSON.stringify(payload).replaceAll('"T0STAGE"', `"${FOREIGN}"`);
  return JSON.parse(json) as T;
}

describe('acts from another Slack team', () => {
  it.each([
    ['a direct message', 'event' as const, () => foreign(messageIm())],
    ['a slash command', 'command' as const, (base: string) => foreign(slashCommand(base))],
    ['a button click', 'interaction' as const, (base: string) => foreign(blockActions(base))],
  ])('drops %s before looking the user up', async (_label, kind, payload) => {
    const handler = createRecordingHandler();
    harness = await startSlackHarness(handler);
    const response = await harness.send(kind, payload(harness.api.origin));
    await harness.adapter.stop();
    expect(response.status).toBe(200);
    expect(handler.inbounds).toHaveLength(0);
    expect(harness.api.callsTo('users.info')).toHaveLength(0);
  });

  it('drops a message from a Slack Connect guest whose own workspace is another one', async () => {
    const handler = createRecordingHandler();
    harness = await startSlackHarness(handler);
    const payload = messageIm();
    const shared = { ...payload, event: { ...payload.event, user_team: FOREIGN } };
    await harness.send('event', shared);
    await harness.adapter.stop();
    expect(handler.inbounds).toHaveLength(0);
    expect(harness.api.callsTo('users.info')).toHaveLength(0);
  });

  it('still handles the same act from the installed team', async () => {
    const handler = createRecordingHandler();
    harness = await startSlackHarness(handler);
    await harness.send('event', messageIm());
    await harness.adapter.stop();
    expect(handler.inbounds.map((inbound) => inbound.tenant)).toEqual(['T0STAGE']);
  });
});

describe('a file shared by someone who may not import', () => {
  it('is never downloaded; the app still answers them', async () => {
    const handler = createRecordingHandler();
    handler.importAllowed = false;
    harness = await startSlackHarness(handler);
    const payload = messageImFile(harness.api.origin);
    harness.api.serveFile(new URL(payload.event.files[0]?.url_private_download ?? '').pathname, 'x\n');
    await harness.send('event', payload);
    await harness.adapter.stop();
    expect(harness.api.callsTo('file')).toHaveLength(0);
    expect(handler.inbounds[0]?.payload).toMatchObject({ type: 'file', content: '' });
  });
});
