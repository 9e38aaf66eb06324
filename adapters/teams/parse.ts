import type { Inbound, InboundPayload } from '../../src/app/inbound';
import {
  conversationIdOf,
  conversationKindOf,
  platformUserIdOf,
  type TeamsActivity,
  teamsActivitySchema,
  tenantOf,
} from './activity';

/**
 * Teams activity → `Inbound`. Pure: the member's e-mail comes from the caller (it needs a
 * network lookup) and a shared file is returned as a download request, filled in by the bot.
 */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export type FileInbound = Inbound & { payload: Extract<InboundPayload, { type: 'file' }> };

export type TeamsParseResult =
  | { kind: 'inbound'; inbound: Inbound }
  /** `inbound.payload.content` is empty until the bot downloads `downloadUrl`. */
  | { kind: 'file'; inbound: FileInbound; downloadUrl: string }
  | { kind: 'ignored'; reason: string };

export type ParseContext = {
  email?: string;
  /** Only used when Teams sent no timestamp (never seen in Teams; the Emulator may omit it). */
  receivedAt: Date;
};

const COMMAND_PREFIX = /^\/?stage(?=\s|$)\s*([\s\S]*)$/i;
const IMPORT_WORD = /^(?:\/?stage\s+)?(?:import|importeer|importeren)(?=\s|$)/i;
const RESERVED_DATA_KEYS = new Set(['actionId', 'value', 'msteams']);

export function parseTeamsActivity(raw: unknown, context: ParseContext): TeamsParseResult {
  const parsed = teamsActivitySchema.safeParse(raw);
  if (!parsed.success) return { kind: 'ignored', reason: 'not a valid activity' };
  const activity = parsed.data;
  const base = inboundBase(activity, context);

  // Cards only carry `Action.Submit` (see render.ts), which arrives as a message; invokes such
  // as `Action.Execute` are never drawn, so they are ignored like any other activity type.
  if (activity.type !== 'message') return ignored(activity.type);

  const submitted = parseSubmit(activity.value);
  if (submitted) return { kind: 'inbound', inbound: { ...base, payload: submitted } };

  const text = cleanText(activity);
  const file = activity.attachments?.find((attachment) => attachment.contentType === FILE_DOWNLOAD_INFO);
  if (file && base.conversation.kind === 'direct' && IMPORT_WORD.test(text)) {
    const downloadUrl = (file.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
    if (typeof downloadUrl === 'string' && downloadUrl) {
      return {
        kind: 'file',
        downloadUrl,
        inbound: { ...base, payload: { type: 'file', name: file.name ?? 'upload.csv', content: '', text } },
      };
    }
  }

  const command = COMMAND_PREFIX.exec(text);
  if (command)
    return { kind: 'inbound', inbound: { ...base, payload: { type: 'command', text: command[1]!.trim() } } };
  if (!text) return ignored('empty message');
  return { kind: 'inbound', inbound: { ...base, payload: { type: 'text', text } } };
}

/** Removes the bot's own @mention (as `TurnContext.removeRecipientMention` does) and trims. */
export function cleanText(activity: TeamsActivity): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  for (const entity of activity.entities ?? []) {
    if (entity.type === 'mention' && entity.mentioned?.id === botId && entity.text) {
      text = text.split(entity.text).join(' ');
    }
  }
  return text.replace(/&nbsp;|\u00a0/g, ' ').trim();
}

function inboundBase(activity: TeamsActivity, context: ParseContext): Omit<Inbound, 'payload'> {
  const user: Inbound['user'] = { platformUserId: platformUserIdOf(activity) };
  if (context.email) user.email = context.email;
  if (activity.from.name) user.displayName = activity.from.name;
  const sentAt = sentAtOf(activity, context.receivedAt);
  return {
    platform: 'teams',
    tenant: tenantOf(activity) ?? activity.channelId ?? 'teams',
    user,
    conversation: { id: conversationIdOf(activity), kind: conversationKindOf(activity) },
    sentAt,
    // Teams retries a delivery with the same activity id; ids are unique per conversation.
    dedupeKey: `teams:${activity.conversation.id}:${activity.id ?? sentAt.toISOString()}`,
  };
}

function sentAtOf(activity: TeamsActivity, receivedAt: Date): Date {
  const stamp = activity.timestamp;
  if (stamp === undefined) return receivedAt;
  const date = stamp instanceof Date ? stamp : new Date(stamp);
  return Number.isNaN(date.getTime()) ? receivedAt : date;
}

/** `Action.Submit` arrives as a message whose `value` is the button data merged with the inputs. */
function parseSubmit(value: unknown): InboundPayload | null {
  if (!isRecord(value) || typeof value.actionId !== 'string' || !value.actionId) return null;
  return actionPayload(value.actionId, value);
}

function actionPayload(actionId: string, data: Record<string, unknown>): InboundPayload {
  const payload: Extract<InboundPayload, { type: 'action' }> = { type: 'action', actionId };
  if (typeof data.value === 'string') payload.value = data.value;
  const formValues: Record<string, string> = {};
  for (const [key, entry] of Object.entries(data)) {
    if (RESERVED_DATA_KEYS.has(key)) continue;
    if (typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean') {
      formValues[key] = String(entry);
    }
  }
  if (Object.keys(formValues).length > 0) payload.formValues = formValues;
  return payload;
}

function ignored(reason: string): TeamsParseResult {
  return { kind: 'ignored', reason };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
