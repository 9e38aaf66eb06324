import { type ConversationReference, TurnContext } from 'botbuilder';
import type { ConversationRefStore } from '../../src/app/ports';
import {
  conversationIdOf,
  conversationKindOf,
  platformUserIdOf,
  teamsActivitySchema,
  tenantOf,
} from './activity';

/**
 * Teams can only message someone proactively through a stored conversation reference. We key a
 * personal chat by the person's AAD object id (the `Address.platformUserId`) and a channel or
 * group chat by its id (the `Address.channelId`).
 */
export type ReferenceEntry = {
  tenant: string;
  key: string;
  kind: 'direct' | 'channel';
  ref: Partial<ConversationReference>;
};

/** The reference to store for this activity, or null when it lacks what a reference needs. */
export function referenceFor(activity: TurnContext['activity']): ReferenceEntry | null {
  const parsed = teamsActivitySchema.safeParse(activity);
  if (!parsed.success || !activity.serviceUrl) return null;
  const tenant = tenantOf(parsed.data) ?? activity.channelId ?? 'teams';
  const kind = conversationKindOf(parsed.data);
  const ref: Partial<ConversationReference> = TurnContext.getConversationReference(activity);
  // A stored reference must start a new post, not reply to whatever message we last saw.
  delete ref.activityId;
  if (kind === 'direct') return { tenant, key: platformUserIdOf(parsed.data), kind, ref };
  const key = conversationIdOf(parsed.data);
  // Channel posts go to the channel itself, not into the thread the bot was mentioned in.
  if (ref.conversation) ref.conversation = { ...ref.conversation, id: key };
  return { tenant, key, kind, ref };
}

export async function saveReference(
  refs: ConversationRefStore,
  entry: ReferenceEntry,
  email: string | undefined,
): Promise<void> {
  await refs.save({
    platform: 'teams',
    tenant: entry.tenant,
    key: entry.key,
    ...(email && entry.kind === 'direct' ? { email } : {}),
    ref: entry.ref,
  });
}

/** A stored reference read back from the store (plain JSON) is only trusted when it has these. */
export function isUsableReference(value: unknown): value is Partial<ConversationReference> & {
  serviceUrl: string;
  conversation: { id: string };
} {
  if (typeof value !== 'object' || value === null) return false;
  const ref = value as { serviceUrl?: unknown; conversation?: { id?: unknown } };
  return typeof ref.serviceUrl === 'string' && typeof ref.conversation?.id === 'string';
}
