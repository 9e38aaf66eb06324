import { z } from 'zod';

/**
 * The one place that reads `process.env`. Every variable of docs/INTERFACES.md ("Environment") is parsed here;
 * errors name the variable and the fix.
 */
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optionalString,
  DATA_DIR: z.string().default('./.stagecoach'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalString,
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  // Azure creates no new multi-tenant bots since 31 July 2025: single tenant is the default, and
  // MultiTenant stays accepted only for registrations made before that date.
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  TEAMS_ALLOWED_TENANTS: optionalString,
  TEAMS_UNAUTHENTICATED_DEV: z.enum(['on', 'off']).default('off'),
  STAGECOACH_TIMEZONE: z.string().default('Europe/Amsterdam'),
  STAGECOACH_SCHEDULER: z.enum(['on', 'off']).default('on'),
  STAGECOACH_ENCRYPTION_KEY: optionalString,
  STAGECOACH_ENCRYPTION_KEY_PREVIOUS: optionalString,
  STAGECOACH_LOCALE: z.enum(['nl', 'en']).default('nl'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type SlackConfig = {
  botToken: string;
  signingSecret: string;
  appToken: string | undefined;
  apiUrl: string | undefined;
};

export type TeamsConfig = {
  /** Undefined only with `unauthenticatedDev` (never in production). */
  appId: string | undefined;
  /**
   * TEAMS_UNAUTHENTICATED_DEV=on: the explicit opt-in to run Teams without authentication for
   * local development; the server then listens on 127.0.0.1 only.
   */
  unauthenticatedDev: boolean;
  appPassword: string | undefined;
  tenantId: string | undefined;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** Tenants the bot serves; empty only outside production. */
  allowedTenants: string[];
};

export type Config = {
  env: 'development' | 'production' | 'test';
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  slack: SlackConfig | undefined;
  teams: TeamsConfig | undefined;
  timezone: string;
  schedulerEnabled: boolean;
  encryptionKey: Buffer | undefined;
  /** Keys values may still be sealed with during a rotation (opened, never used to seal). */
  previousEncryptionKeys: Buffer[];
  defaultLocale: 'nl' | 'en';
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The PostgreSQL server the tests run against (`DATABASE_URL=… npm test`), read alone: the test
 * helpers create throw-away databases on it and need no other setting (not even the key).
 */
export function testDatabaseServerUrl(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  return env.DATABASE_URL || undefined;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.NODE_ENV === 'production';

  if (Boolean(e.SLACK_BOT_TOKEN) !== Boolean(e.SLACK_SIGNING_SECRET)) {
    problems.push(
      e.SLACK_BOT_TOKEN
        ? 'Set SLACK_SIGNING_SECRET or remove SLACK_BOT_TOKEN (Slack needs both).'
        : 'Set SLACK_BOT_TOKEN or remove SLACK_SIGNING_SECRET (Slack needs both).',
    );
  }
  if (e.SLACK_APP_TOKEN && !e.SLACK_BOT_TOKEN) problems.push('SLACK_APP_TOKEN needs SLACK_BOT_TOKEN too.');

  const unauthenticatedDev = e.TEAMS_UNAUTHENTICATED_DEV === 'on';
  const teamsWanted = Boolean(
    e.MICROSOFT_APP_ID || e.MICROSOFT_APP_PASSWORD || e.TEAMS_ALLOWED_TENANTS || unauthenticatedDev,
  );
  const allowedTenants = (e.TEAMS_ALLOWED_TENANTS ?? '')
    .split(',')
    .map((tenant) => tenant.trim())
    .filter(Boolean);
  if (e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_PASSWORD && e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
    problems.push('Set MICROSOFT_APP_PASSWORD (the Azure Bot client secret) or remove MICROSOFT_APP_ID.');
  }
  if (production && teamsWanted && !e.MICROSOFT_APP_ID) {
    problems.push('NODE_ENV=production needs MICROSOFT_APP_ID: Teams authentication can never be off.');
  } else if (teamsWanted && !e.MICROSOFT_APP_ID && !unauthenticatedDev) {
    problems.push(
      'Set MICROSOFT_APP_ID (and MICROSOFT_APP_PASSWORD) for Teams, or TEAMS_UNAUTHENTICATED_DEV=on to run it without authentication on localhost for development.',
    );
  }
  if (production && unauthenticatedDev) {
    problems.push(
      'TEAMS_UNAUTHENTICATED_DEV=on is for local development; remove it with NODE_ENV=production.',
    );
  }
  if (production && teamsWanted && allowedTenants.length === 0) {
    problems.push(
      'NODE_ENV=production with Teams needs TEAMS_ALLOWED_TENANTS (your school tenant id): otherwise any Microsoft 365 tenant could link people by e-mail.',
    );
  }
  if (e.MICROSOFT_APP_ID && e.MICROSOFT_APP_TYPE !== 'MultiTenant' && !e.MICROSOFT_APP_TENANT_ID) {
    problems.push(
      `Set MICROSOFT_APP_TENANT_ID (your school's Microsoft Entra tenant id, shown on the Azure Bot's Configuration page): MICROSOFT_APP_TYPE=${e.MICROSOFT_APP_TYPE}${env.MICROSOFT_APP_TYPE ? '' : ' (the default)'} needs it. Only a bot registered as multi-tenant before 31 July 2025 may set MICROSOFT_APP_TYPE=MultiTenant instead.`,
    );
  }

  let encryptionKey: Buffer | undefined;
  if (e.STAGECOACH_ENCRYPTION_KEY) {
    encryptionKey = Buffer.from(e.STAGECOACH_ENCRYPTION_KEY, 'base64');
    if (encryptionKey.length !== 32) {
      problems.push(
        'STAGECOACH_ENCRYPTION_KEY must be 32 bytes, base64-encoded (create one with `openssl rand -base64 32`).',
      );
    }
  } else if (production) {
    problems.push(
      'NODE_ENV=production needs STAGECOACH_ENCRYPTION_KEY (32 bytes, base64): content is encrypted at rest.',
    );
  } else if (e.DATABASE_URL) {
    // The development key file lives in DATA_DIR on one machine; a database server outlives it
    // and is shared by several processes, which would each make a key of their own.
    problems.push(
      'DATABASE_URL needs STAGECOACH_ENCRYPTION_KEY (32 bytes, base64; `openssl rand -base64 32`): the development key file is only for the embedded database.',
    );
  }

  const previousEncryptionKeys = (e.STAGECOACH_ENCRYPTION_KEY_PREVIOUS ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean)
    .map((value) => Buffer.from(value, 'base64'));
  if (previousEncryptionKeys.some((key) => key.length !== 32)) {
    problems.push('STAGECOACH_ENCRYPTION_KEY_PREVIOUS: every key must be 32 bytes, base64, comma-separated.');
  }
  if (previousEncryptionKeys.length > 0 && !encryptionKey) {
    problems.push('STAGECOACH_ENCRYPTION_KEY_PREVIOUS needs STAGECOACH_ENCRYPTION_KEY (the new key).');
  }

  try {
    new Intl.DateTimeFormat('en', { timeZone: e.STAGECOACH_TIMEZONE });
  } catch {
    problems.push(
      `STAGECOACH_TIMEZONE: unknown time zone "${e.STAGECOACH_TIMEZONE}" (use e.g. Europe/Amsterdam).`,
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    port: e.PORT,
    slack:
      e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET
        ? {
            botToken: e.SLACK_BOT_TOKEN,
            signingSecret: e.SLACK_SIGNING_SECRET,
            appToken: e.SLACK_APP_TOKEN,
            apiUrl: e.SLACK_API_URL,
          }
        : undefined,
    teams: teamsWanted
      ? {
          appId: e.MICROSOFT_APP_ID,
          appPassword: e.MICROSOFT_APP_PASSWORD,
          tenantId: e.MICROSOFT_APP_TENANT_ID,
          appType: e.MICROSOFT_APP_TYPE,
          unauthenticatedDev: unauthenticatedDev && !e.MICROSOFT_APP_ID,
          allowedTenants,
        }
      : undefined,
    timezone: e.STAGECOACH_TIMEZONE,
    schedulerEnabled: e.STAGECOACH_SCHEDULER === 'on',
    encryptionKey,
    previousEncryptionKeys,
    defaultLocale: e.STAGECOACH_LOCALE,
    logLevel: e.LOG_LEVEL,
  };
}
