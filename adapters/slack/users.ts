import type { webApi } from '@slack/bolt';
import type { Clock } from '../../src/app/ports';
import type { Locale } from '../../src/core/messages/model';
import { parseLocale } from '../../src/core/messages/texts';
import type { Logger } from '../../src/infra/logging';
import { describeSlackError } from './describe-error';

export type SlackUserProfile = { email?: string; displayName?: string; locale?: Locale };

export type UserDirectory = {
  /** Never throws: without `users:read.email` or on a Slack hiccup the profile is just empty. */
  lookup(userId: string): Promise<SlackUserProfile>;
};

const TTL_MS = 60 * 60 * 1000; // an hour: e-mail changes are rare and the app links by e-mail
const MAX_ENTRIES = 5000;

/** `users.info` per user id, cached so a conversation costs one lookup per person per hour. */
export function createUserDirectory(deps: {
  client: webApi.WebClient;
  logger: Logger;
  clock: Clock;
}): UserDirectory {
  const cache = new Map<string, { profile: SlackUserProfile; expiresAt: number }>();

  return {
    async lookup(userId) {
      const now = deps.clock.now().getTime();
      const cached = cache.get(userId);
      if (cached && cached.expiresAt > now) return cached.profile;
      try {
        const response = await deps.client.users.info({ user: userId, include_locale: true });
        const user = response.user;
        const displayName = user?.profile?.real_name || user?.real_name || user?.name || undefined;
        const locale = parseLocale(user?.locale) ?? undefined;
        const profile: SlackUserProfile = {
          ...(user?.profile?.email ? { email: user.profile.email } : {}),
          ...(displayName ? { displayName } : {}),
          ...(locale ? { locale } : {}),
        };
        if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value ?? '');
        cache.set(userId, { profile, expiresAt: now + TTL_MS });
        return profile;
      } catch (error) {
        deps.logger.warn(
          { err: describeSlackError(error), userId },
          'slack users.info failed; continuing without e-mail',
        );
        return {};
      }
    },
  };
}
