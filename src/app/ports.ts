import type { Message } from '../core/messages/model';
import type { Inbound, InboundResult, Platform } from './inbound';

export type { Inbound, InboundResult, Platform } from './inbound';

/** Time is a dependency: use cases read it here, never from `Date.now()`. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** The app's entry for adapters: parse → `handle` → render the result. */
export type InboundHandler = { handle(inbound: Inbound): Promise<InboundResult> };

/** A person's account on one platform. */
export type PlatformIdentity = { platform: Platform; tenant: string; platformUserId: string };

/** A concrete place to deliver to on a platform. */
export type Address =
  | { kind: 'user'; platform: Platform; tenant: string; platformUserId: string }
  | { kind: 'channel'; platform: Platform; tenant: string; channelId: string };

/**
 * The outcome of one send. `retryAfterMs` comes from the platform (Retry-After) when it asked
 * us to slow down; `permanent` failures (unknown user, left the workspace, bot removed from the
 * channel, app uninstalled) are never retried and alert a coordinator once.
 */
export type SendOutcome =
  | { ok: true; platformMessageId: string }
  | { ok: false; permanent: false; retryAfterMs?: number; reason: string }
  | { ok: false; permanent: true; reason: string };

/** One platform's outbound side, implemented by `adapters/<platform>/gateway.ts`. */
export type Gateway = {
  readonly platform: Platform;
  send(address: Address, message: Message): Promise<SendOutcome>;
  /** Link a person to this platform by e-mail (Slack `users.lookupByEmail`; Teams stored UPN). */
  findUserByEmail(email: string): Promise<PlatformIdentity | null>;
};
