import { z } from 'zod';

/**
 * The parts of a Bot Framework activity Stagecoach reads, validated at the edge. Unknown fields
 * pass through untouched: Teams adds fields over time and we must not reject them.
 */
const accountSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
});

export const teamsActivitySchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().optional(),
  name: z.string().optional(),
  /** botbuilder turns the wire string into a Date; fixtures may still carry the string. */
  timestamp: z.union([z.date(), z.string()]).optional(),
  channelId: z.string().optional(),
  serviceUrl: z.string().optional(),
  locale: z.string().optional(),
  from: accountSchema,
  recipient: accountSchema.optional(),
  conversation: z.looseObject({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  text: z.string().optional(),
  value: z.unknown().optional(),
  action: z.string().optional(),
  entities: z
    .array(
      z.looseObject({ type: z.string(), mentioned: accountSchema.optional(), text: z.string().optional() }),
    )
    .optional(),
  attachments: z
    .array(
      z.looseObject({
        contentType: z.string(),
        name: z.string().optional(),
        content: z.unknown().optional(),
      }),
    )
    .optional(),
  membersAdded: z.array(accountSchema).optional(),
  membersRemoved: z.array(accountSchema).optional(),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: z.string() }).optional(),
      channel: z.looseObject({ id: z.string() }).optional(),
      team: z.looseObject({ id: z.string() }).optional(),
    })
    .optional(),
});

export type TeamsActivity = z.infer<typeof teamsActivitySchema>;

/** The tenant an activity comes from: `conversation.tenantId`, else `channelData.tenant.id`. */
export function tenantOf(activity: {
  conversation?: { tenantId?: string | undefined } | undefined;
  channelData?: unknown;
}): string | undefined {
  const fromConversation = activity.conversation?.tenantId;
  if (fromConversation) return fromConversation;
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = channelData?.tenant?.id;
  return typeof fromChannelData === 'string' && fromChannelData ? fromChannelData : undefined;
}

export type ConversationKind = 'direct' | 'channel';

export function conversationKindOf(activity: TeamsActivity): ConversationKind {
  const type = activity.conversation.conversationType;
  if (type === 'personal') return 'direct';
  if (type === 'channel' || type === 'groupChat') return 'channel';
  return activity.conversation.isGroup ? 'channel' : 'direct';
}

/**
 * The stable id of where the act happened. For a team channel this is the channel id, without
 * the `;messageid=…` suffix Teams adds for thread replies, so the app sees one id per channel.
 */
export function conversationIdOf(activity: TeamsActivity): string {
  if (activity.conversation.conversationType === 'channel') {
    return activity.channelData?.channel?.id ?? stripThread(activity.conversation.id);
  }
  return activity.conversation.id;
}

export function stripThread(conversationId: string): string {
  const index = conversationId.indexOf(';messageid=');
  return index === -1 ? conversationId : conversationId.slice(0, index);
}

/** The AAD object id identifies a person across chats; the Teams user id is the fallback. */
export function platformUserIdOf(activity: TeamsActivity): string {
  return activity.from.aadObjectId ?? activity.from.id;
}
