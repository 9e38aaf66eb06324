import type { DeliveryProblem } from '../core/delivery/problems';
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
   * Immediate replies (or a view) the platform would not take right now: queue them in the
   * outbox for the person who acted, so they are retried instead of lost. `key` makes it
   * idempotent (the act's dedupe key); `partsSent` skips parts of a split message already shown.
   */
  deferReplies(
    identity: PlatformIdentity,
    key: string,
    messages: ReadonlyArray<{ message: Message; partsSent?: number }>,
  ): Promise<void>;
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
 * The outcome of one send. Gateways classify their platform's own error codes into these kinds:
 * - `transient`: try again later (network, 5xx, 429 with the platform's Retry-After);
 * - `permanent`: this recipient or this message can never be delivered (account gone, channel
 *   archived, message refused): give up and tell a coordinator once;
 * - `outage`: the platform refuses us as a whole (revoked token, missing scope, app removed from a
 *   tenant): pause sending there, keep every message, probe until it works again.
 * `partsSent`: parts of a message split by platform limits that were already delivered, so a
 * retry resumes after them instead of repeating them.
 */
export type SendOutcome = { ok: true; platformMessageId: string } | SendFailure;

export type SendFailure =
  | { ok: false; kind: 'transient'; reason: string; retryAfterMs?: number; partsSent?: number }
  | { ok: false; kind: 'permanent'; reason: string; problem: DeliveryProblem; partsSent?: number }
  | { ok: false; kind: 'outage'; reason: string; scope: OutageScope; partsSent?: number };

/** What an outage covers: the whole platform (credentials) or one workspace/tenant. */
export type OutageScope = { platform: Platform; tenant?: string };

/** Finding a person's account by e-mail: found, not there (`identity: null`), or a failure. */
export type LookupOutcome = { ok: true; identity: PlatformIdentity | null } | SendFailure;

/** One platform's outbound side, implemented by `adapters/<platform>/gateway.ts`. */
export type Gateway = {
  readonly platform: Platform;
  /** `fromPart`: resume a split message after the parts an earlier attempt delivered. */
  send(address: Address, message: Message, options?: { fromPart?: number }): Promise<SendOutcome>;
  /** Link a person to this platform by e-mail (Slack `users.lookupByEmail`; Teams stored UPN). */
  findUserByEmail(email: string): Promise<LookupOutcome>;
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
