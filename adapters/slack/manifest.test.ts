import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = readFileSync(new URL('../../manifests/slack/manifest.yml', import.meta.url), 'utf8');
/** The manifest without its comments, so a commented-out line never counts. */
const active = manifest
  .split('\n')
  .map((line) => line.replace(/\s+#.*$/u, ''))
  .filter((line) => !line.trimStart().startsWith('#'))
  .join('\n');

describe('Slack manifest', () => {
  it.each(['message.im', 'app_home_opened', 'app_uninstalled', 'tokens_revoked'])(
    'subscribes to the %s event the adapter listens to',
    (event) => {
      expect(active).toMatch(new RegExp(`^\\s+- ${event.replace('.', '\\.')}$`, 'mu'));
    },
  );

  it('requests exactly the least-privilege bot scopes', () => {
    const scopeSection = active.slice(active.indexOf('oauth_config:'), active.indexOf('settings:'));
    const scopes = [...scopeSection.matchAll(/^ {6}- ([a-z:.]+)$/gmu)].map((match) => match[1]);

    expect(scopes).toEqual([
      'chat:write',
      'commands',
      'im:history',
      'im:write',
      'users:read',
      'users:read.email',
      'files:read',
    ]);
  });

  it('points commands, events and interactivity at /slack/events and escapes command mentions', () => {
    expect(active.match(/https:\/\/YOUR-HOST\/slack\/events/gu)).toHaveLength(3);
    expect(active).toMatch(/command: \/stage/u);
    expect(active).toMatch(/should_escape: true/u);
  });
});
