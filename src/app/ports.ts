import type { Message } from '../core/messages/model';
import type { Inbound, InboundResult, Platform } from './inbound';

export type { Inbound, InboundResult, Platform } from './inbound';

/** Time is a dependency: use cases read it here, never from `Date.now()`. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** Platform lifecycle signals that change where we may send. */
export type LifecycleEvent =
  /** The app was removed from a Slack workspace / Teams tenant: stop sending there. */
  | { type: 'uninstalled'; platform: Platform; tenant: string }
  /** Tokens of these users (or of the bot) were revoked. */
  | { type: 'tokens-revoked'; platform: Platform; tenant: string; platformUserIds: string[] }
  /** A person's account was deactivated or left the workspace. */
  | { type: 'user-gone'; platform: Platform; tenant: string; platformUserId: string };

/** The app's entry for adapters: parse → one app call → render the result. */
export type InboundHandler = {
  handle(inbound: Inbound): Promise<InboundResult>;
  /** The personal home view (Slack App Home; Teams: answer to `home`/`mijn`). */
  home(identity: PlatformIdentity & { email?: string }, at: Date): Promise<Message>;
  lifecycle(event: LifecycleEvent): Promise<void>;
  /**
   * May this platform user import a file (is a coordinator)? Asked before an adapter downloads
   * anything, so a student's shared file is never fetched.
   */
  mayImport(identity: PlatformIdentity & { email?: string }, at: Date): Promise<boolean>;
};

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

/**
 * Teams needs a stored conversation reference to message someone proactively; the Teams
 * adapter saves one on every activity and looks it up when sending. Keyed by user or channel id.
 */
export type ConversationRefStore = {
  save(entry: {
    platform: Platform;
    tenant: string;
    /** User id (personal chat) or channel/conversation id. */
    key: string;
    /** E-mail/UPN of the user, when known: lets the app link people by e-mail. */
    email?: string;
    ref: unknown;
  }): Promise<void>;
  get(platform: Platform, key: string): Promise<unknown | null>;
  findByEmail(platform: Platform, email: string): Promise<{ tenant: string; key: string } | null>;
};
