import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Clock } from '../../src/app/ports';
import type { Logger } from '../../src/infra/logging';
import { tenantOf } from './activity';

/**
 * E-mail/UPN of the person behind an activity, via `TeamsInfo.getMember`. Cached: Teams rate
 * limits the roster API, and a person's address rarely changes. A failed lookup is not fatal
 * (the act is still handled, just without an e-mail) and is not cached, so it is tried again.
 */
export type MemberDirectory = { emailOf(context: TurnContext): Promise<string | undefined> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TTL_MS = 24 * 60 * 60 * 1000; // ms: a day
const MAX_ENTRIES = 10_000;

export function createMemberDirectory(deps: { clock: Clock; logger: Logger }): MemberDirectory {
  const cache = new Map<string, { email: string | undefined; expiresAt: number }>();

  return {
    async emailOf(context) {
      const { activity } = context;
      const userId = activity.from?.id;
      if (!userId) return undefined;
      const key = `${tenantOf(activity) ?? ''}|${userId}`;
      const now = deps.clock.now().getTime();
      const hit = cache.get(key);
      if (hit && hit.expiresAt > now) return hit.email;
      try {
        const member = await TeamsInfo.getMember(context, userId);
        const candidate = member.email ?? member.userPrincipalName;
        const email = candidate && EMAIL.test(candidate) ? candidate.toLowerCase() : undefined;
        if (cache.size >= MAX_ENTRIES) cache.clear();
        cache.set(key, { email, expiresAt: now + TTL_MS });
        return email;
      } catch (error) {
        deps.logger.warn(
          { err: errorSummary(error) },
          'teams: member lookup failed; continuing without e-mail',
        );
        return undefined;
      }
    },
  };
}

function errorSummary(error: unknown): { message: string; statusCode?: unknown } {
  const shape = error as { message?: unknown; statusCode?: unknown } | undefined;
  return { message: String(shape?.message ?? error), statusCode: shape?.statusCode };
}
