import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** Slack's own type of an app manifest (the body of apps.manifest.create/validate). */
type SlackManifest = webApi.AppsManifestValidateArguments['manifest'];

const slackDir = fileURLToPath(new URL('./', import.meta.url));
const yamlText = readFileSync(new URL('../../manifests/slack/manifest.yml', import.meta.url), 'utf8');

/**
 * The manifest as a typed twin. `satisfies SlackManifest` makes `npm run typecheck` check every
 * key and value against Slack's type (a misspelt or misplaced key fails the build); the first
 * test makes the YAML that admins paste equal to it. Change both together.
 */
const EXPECTED = {
  _metadata: { major_version: 1, minor_version: 1 },
  display_information: {
    name: 'Stagecoach',
    description: 'Stagebegeleiding in Slack — wekelijkse check-ins en reflectieverslagen',
    long_description: [
      'Stagecoach helpt stagiairs, praktijkbegeleiders en stagecoördinatoren. Studenten krijgen elke week',
      'een korte check-in en schrijven maandelijks een STARR-reflectie in gesprek met de bot. Begeleiders',
      'krijgen een wekelijks overzicht en geven feedback op reflecties. Coördinatoren beheren stages met',
      'het commando /stage. Stagecoach helps interns, mentors and coordinators with weekly check-ins,',
      'monthly STARR reflections, a weekly mentor digest and the /stage command for coordinators.',
    ].join(' '),
    background_color: '#1f4e5f',
  },
  features: {
    app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
    bot_user: { display_name: 'Stagecoach', always_online: true },
    slash_commands: [
      {
        command: '/stage',
        url: 'https://YOUR-HOST/slack/events',
        description: 'Stages beheren en je eigen status bekijken (help, mijn, overzicht, …)',
        usage_hint: 'help | mijn | overzicht [cohort|e-mail] | pauze <e-mail> …',
        should_escape: true,
      },
    ],
  },
  oauth_config: {
    scopes: { bot: ['chat:write', 'commands', 'im:history', 'users:read', 'users:read.email', 'files:read'] },
  },
  settings: {
    event_subscriptions: {
      request_url: 'https://YOUR-HOST/slack/events',
      bot_events: ['message.im', 'app_home_opened', 'app_uninstalled', 'tokens_revoked'],
    },
    interactivity: { is_enabled: true, request_url: 'https://YOUR-HOST/slack/events' },
    org_deploy_enabled: false,
    socket_mode_enabled: false,
    token_rotation_enabled: false,
  },
} satisfies SlackManifest;

/**
 * Why each scope is needed: the Web API methods the adapter calls, with the bot scope Slack's
 * method reference lists for each (null: the method needs none). A new call fails the test
 * until it is listed here, and the manifest's scopes must be exactly what these need.
 */
const SCOPE_OF_METHOD: Record<string, string | null> = {
  'auth.test': null,
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'users.info': 'users:read',
  'users.lookupByEmail': 'users:read.email',
  'views.open': null,
  'views.publish': null,
};
/** Scopes needed by something other than a Web API call, found by a marker in the source. */
const SCOPE_OF_USE: Record<string, string> = {
  "app.command('/stage'": 'commands',
  // The direct-message event: `message.im` in the manifest.
  "app.event('message'": 'im:history',
  // A CSV shared for import is downloaded from its private URL with the bot token.
  url_private_download: 'files:read',
};

/** Every production source file of the Slack adapter (tests and fixtures left out). */
function adapterSource(): string {
  return readdirSync(slackDir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => readFileSync(join(slackDir, name), 'utf8'))
    .join('\n');
}

describe('Slack manifest', () => {
  it("matches the typed twin checked against Slack's manifest type", () => {
    expect(parse(yamlText)).toEqual(EXPECTED);
  });

  it('requests exactly the bot scopes that a call or an event of the adapter needs', () => {
    const source = adapterSource();
    const methods = [...source.matchAll(/\bclient\.(\w+)\.(\w+)\(/g)].map(
      (match) => `${match[1]}.${match[2]}`,
    );
    const needed = new Set([
      ...methods.flatMap((method) => SCOPE_OF_METHOD[method] ?? []),
      ...Object.entries(SCOPE_OF_USE).flatMap(([use, scope]) => (source.includes(use) ? [scope] : [])),
    ]);

    expect(methods.filter((method) => !(method in SCOPE_OF_METHOD))).toEqual([]);
    expect([...needed].sort()).toEqual([...EXPECTED.oauth_config.scopes.bot].sort());
  });

  it('subscribes to exactly the events the adapter listens to', () => {
    const source = adapterSource();
    const listened = ['app_home_opened', 'app_uninstalled', 'tokens_revoked'].filter((event) =>
      source.includes(`'${event}'`),
    );

    expect(['message.im', ...listened]).toEqual(EXPECTED.settings.event_subscriptions.bot_events);
  });

  it('does not describe a channel argument, which no command takes', () => {
    expect(yamlText).not.toMatch(/#channel|<#C/);
  });
});
