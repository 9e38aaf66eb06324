import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const KEY = Buffer.alloc(32, 7).toString('base64');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('configuration from the environment', () => {
  it('runs with nothing set: embedded database, console, Dutch, scheduler on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: './.stagecoach',
      port: 3000,
      slack: undefined,
      teams: undefined,
      timezone: 'Europe/Amsterdam',
      schedulerEnabled: true,
      defaultLocale: 'nl',
    });
  });

  it('reads STAGECOACH_SCHEDULER=off as off (not as a truthy string)', () => {
    expect(loadConfig({ STAGECOACH_SCHEDULER: 'off' }).schedulerEnabled).toBe(false);
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'Set SLACK_SIGNING_SECRET or remove SLACK_BOT_TOKEN'],
    [{ SLACK_SIGNING_SECRET: 's' }, 'Set SLACK_BOT_TOKEN or remove SLACK_SIGNING_SECRET'],
    [{ MICROSOFT_APP_ID: 'id' }, 'MICROSOFT_APP_PASSWORD'],
    [{ STAGECOACH_ENCRYPTION_KEY: 'c2hvcnQ=' }, 'STAGECOACH_ENCRYPTION_KEY must be 32 bytes'],
    [{ STAGECOACH_TIMEZONE: 'Mars/Olympus' }, 'unknown time zone'],
    [{ NODE_ENV: 'production' }, 'NODE_ENV=production needs STAGECOACH_ENCRYPTION_KEY'],
    [
      { NODE_ENV: 'production', STAGECOACH_ENCRYPTION_KEY: KEY, TEAMS_ALLOWED_TENANTS: 't1' },
      'needs MICROSOFT_APP_ID',
    ],
  ])('refuses %j and names the variable and the fix', (env, expected) => {
    expect(problemsOf(env).join('\n')).toContain(expected);
  });

  it('accepts a complete production set-up for Slack and Teams', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      STAGECOACH_ENCRYPTION_KEY: KEY,
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'secret',
      MICROSOFT_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      MICROSOFT_APP_PASSWORD: 'pw',
      MICROSOFT_APP_TENANT_ID: 't1',
      TEAMS_ALLOWED_TENANTS: 't1, t2',
    });
    expect(config.slack?.signingSecret).toBe('secret');
    expect(config.teams?.allowedTenants).toEqual(['t1', 't2']);
    expect(config.encryptionKey?.length).toBe(32);
  });
});

describe('the encryption key with a database server', () => {
  it('refuses DATABASE_URL without STAGECOACH_ENCRYPTION_KEY, so no development key file is made for shared data', () => {
    const problems = problemsOf({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' });

    expect(problems).toEqual([expect.stringContaining('DATABASE_URL needs STAGECOACH_ENCRYPTION_KEY')]);
  });

  it('accepts DATABASE_URL with a key', () => {
    expect(
      problemsOf({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', STAGECOACH_ENCRYPTION_KEY: KEY }),
    ).toEqual([]);
  });
});

describe('Teams trust settings', () => {
  const PROD = { NODE_ENV: 'production', STAGECOACH_ENCRYPTION_KEY: KEY };
  const APP = {
    MICROSOFT_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    MICROSOFT_APP_PASSWORD: 'pw',
    MICROSOFT_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  };

  it('refuses production with Teams and an empty TEAMS_ALLOWED_TENANTS (it only warned before)', () => {
    expect(problemsOf({ ...PROD, ...APP }).join('\n')).toContain('needs TEAMS_ALLOWED_TENANTS');
  });

  it('refuses unauthenticated Teams without the explicit development opt-in', () => {
    expect(problemsOf({ TEAMS_ALLOWED_TENANTS: 't1' }).join('\n')).toContain('TEAMS_UNAUTHENTICATED_DEV=on');
  });

  it('accepts the explicit opt-in outside production only', () => {
    const dev = loadConfig({ TEAMS_UNAUTHENTICATED_DEV: 'on' });
    expect(dev.teams).toMatchObject({ appId: undefined, unauthenticatedDev: true });
    expect(
      problemsOf({ ...PROD, TEAMS_UNAUTHENTICATED_DEV: 'on', TEAMS_ALLOWED_TENANTS: 't1' }).join('\n'),
    ).toContain('TEAMS_UNAUTHENTICATED_DEV=on is for local development');
  });

  it('never treats an app id plus the opt-in as unauthenticated', () => {
    expect(loadConfig({ ...APP, TEAMS_UNAUTHENTICATED_DEV: 'on' }).teams?.unauthenticatedDev).toBe(false);
  });
});

describe('the Azure bot type', () => {
  const APP_ID = { MICROSOFT_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', MICROSOFT_APP_PASSWORD: 'pw' };
  const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

  it('is single tenant by default, because Azure no longer creates multi-tenant bots', () => {
    const teams = loadConfig({ ...APP_ID, MICROSOFT_APP_TENANT_ID: TENANT }).teams;

    expect(teams).toMatchObject({ appType: 'SingleTenant', tenantId: TENANT });
  });

  it('refuses the default without MICROSOFT_APP_TENANT_ID and says where to find it', () => {
    const problems = problemsOf(APP_ID);

    expect(problems).toEqual([
      expect.stringMatching(
        /^Set MICROSOFT_APP_TENANT_ID .*MICROSOFT_APP_TYPE=SingleTenant \(the default\) needs it/,
      ),
    ]);
  });

  it('refuses a managed identity without MICROSOFT_APP_TENANT_ID', () => {
    const problems = problemsOf({
      MICROSOFT_APP_ID: APP_ID.MICROSOFT_APP_ID,
      MICROSOFT_APP_TYPE: 'UserAssignedMSI',
    });

    expect(problems.join('\n')).toContain('MICROSOFT_APP_TYPE=UserAssignedMSI needs it');
  });

  it('still accepts MultiTenant without a tenant id, for bots registered before 31 July 2025', () => {
    expect(loadConfig({ ...APP_ID, MICROSOFT_APP_TYPE: 'MultiTenant' }).teams?.appType).toBe('MultiTenant');
  });

  it('needs no tenant id for the unauthenticated development mode (there is no app to sign in as)', () => {
    expect(problemsOf({ TEAMS_UNAUTHENTICATED_DEV: 'on' })).toEqual([]);
  });
});
