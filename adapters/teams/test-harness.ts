import type { TeamsConfig } from '../../src/config';
import { silentLogger } from '../../src/infra/logging';
import { createTeamsAdapter, type TeamsAdapter } from './adapter';
import { FIXTURE_TENANT, type TeamsAct, type TeamsFixtureOptions, teamsActivityFor } from './fixtures';
import {
  createMemoryRefStore,
  createRecordingHandler,
  createSettableClock,
  type FakeConnector,
  type MemoryRefStore,
  postActivity,
  type RecordingHandler,
  startBotServer,
  startFakeConnector,
} from './test-support';

/**
 * One running Teams adapter for an HTTP test: the real adapter behind a node:http server on
 * 127.0.0.1, a fake Bot Connector as `serviceUrl`, and recording fakes for the app's ports.
 */
export type TeamsHarness = {
  teams: TeamsAdapter;
  connector: FakeConnector;
  handler: RecordingHandler;
  refs: MemoryRefStore;
  clock: ReturnType<typeof createSettableClock>;
  /** A real-shaped activity whose serviceUrl is the fake connector. */
  activity(act: TeamsAct, options?: TeamsFixtureOptions): Record<string, unknown>;
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** The bot's base URL, for raw requests (malformed bodies). */
  url: string;
  close(): Promise<void>;
};

export const STUDENT_AAD = '5f1c9a4e-2b7d-4c1e-9a3f-0d2e8b6c4a11';
export const PERSONAL_CHAT = 'a:1XyZpersonalChatIdForStudent';
export const CHANNEL_ID = '19:c0ffee00aa11bb22cc33dd44ee55ff66@thread.tacv2';

export async function startTeamsHarness(
  config: Partial<TeamsConfig> = {},
  extra: { openIdMetadataUrl?: string; fileHosts?: readonly string[] } = {},
): Promise<TeamsHarness> {
  const connector = await startFakeConnector();
  const handler = createRecordingHandler();
  const refs = createMemoryRefStore();
  const clock = createSettableClock('2025-03-07T12:10:00.000Z');
  const teams = createTeamsAdapter({
    config: {
      appId: undefined,
      appPassword: undefined,
      tenantId: undefined,
      appType: 'MultiTenant',
      // Tests run on 127.0.0.1 without tokens unless they set an app id.
      unauthenticatedDev: !config.appId,
      allowedTenants: [FIXTURE_TENANT],
      ...config,
    },
    // The fake connector serves shared files from 127.0.0.1.
    fileHosts: extra.fileHosts ?? ['127.0.0.1'],
    ...(extra.openIdMetadataUrl ? { openIdMetadataUrl: extra.openIdMetadataUrl } : {}),
    handler,
    refs,
    logger: silentLogger,
    clock,
    production: false,
  });
  const bot = await startBotServer(teams.handleHttp);
  return {
    teams,
    connector,
    handler,
    refs,
    clock,
    activity: (act, options) => teamsActivityFor(act, { serviceUrl: connector.url, ...options }),
    post: (activity, headers) => postActivity(bot.url, activity, headers),
    url: bot.url,
    close: async () => {
      await bot.close();
      await connector.close();
    },
  };
}
