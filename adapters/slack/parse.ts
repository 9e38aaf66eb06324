import { z } from 'zod';
import type { Inbound } from '../../src/app/inbound';
import type { LifecycleEvent, PlatformIdentity } from '../../src/app/ports';
import { stripActionSuffix } from './render';
import { parseSlackText } from './slack-text';

/**
 * Slack payload → `Inbound`. Pure: no I/O, no clock. E-mail and display name are added later
 * from `users.info` (see users.ts), file contents after the download (files.ts).
 * The dedupe keys are the same for every delivery of one act, so Slack's retries collapse:
 * events → `event_id`; block actions → `action_ts:action_id:container`; slash commands and view
 * submissions → `trigger_id`.
 */

const id = z.string().min(1);

const fileSchema = z.object({
  name: z.string().default('upload'),
  filetype: z.string().optional(),
  mimetype: z.string().optional(),
  size: z.number().optional(),
  url_private_download: z.string().optional(),
});

export type SlackFile = z.infer<typeof fileSchema>;

const messageEnvelopeSchema = z.object({
  team_id: id,
  event_id: id,
  event: z.object({
    type: z.literal('message'),
    channel: id,
    channel_type: z.string().optional(),
    user: z.string().optional(),
    /** Set in Slack Connect channels: the workspace the person belongs to (may not be ours). */
    user_team: z.string().optional(),
    text: z.string().optional(),
    ts: id,
    subtype: z.string().optional(),
    bot_id: z.string().optional(),
    files: z.array(fileSchema).optional(),
  }),
});

export type ParsedMessage =
  | { kind: 'inbound'; inbound: Inbound }
  /** A DM with a file: the listener downloads `file` and completes the payload. */
  | { kind: 'file'; base: Omit<Inbound, 'payload'>; text: string; file: SlackFile & { url: string } }
  | { kind: 'ignored'; reason: string };

/** A text file is worth downloading; anything else (images, PDFs) is passed on as its text only. */
function isTextFile(file: SlackFile): boolean {
  const type = (file.filetype ?? '').toLowerCase();
  const mime = (file.mimetype ?? '').toLowerCase();
  return ['csv', 'tsv', 'text'].includes(type) || mime.startsWith('text/') || mime === 'application/csv';
}

/** `message.im`: typed DMs and DMs with a file. Edits, deletions, bots and our own echoes are ignored. */
export function parseMessageEvent(body: unknown, options: { botUserId?: string | undefined }): ParsedMessage {
  const parsed = messageEnvelopeSchema.safeParse(body);
  if (!parsed.success) return { kind: 'ignored', reason: 'not a message event' };
  const { event, event_id: eventId } = parsed.data;
  // The person's own workspace, not the one that received the event: a guest from a shared
  // channel must not be linked by e-mail as if they were one of ours.
  const tenant = event.user_team ?? parsed.data.team_id;
  if (event.channel_type !== 'im') return { kind: 'ignored', reason: 'not a direct message' };
  if (event.bot_id || event.subtype === 'bot_message') return { kind: 'ignored', reason: 'bot message' };
  if (event.subtype && event.subtype !== 'file_share')
    return { kind: 'ignored', reason: `subtype ${event.subtype}` };
  if (!event.user || event.user === options.botUserId) return { kind: 'ignored', reason: 'own echo' };

  const base: Omit<Inbound, 'payload'> = {
    platform: 'slack',
    tenant,
    user: { platformUserId: event.user },
    conversation: { id: event.channel, kind: 'direct' },
    sentAt: parseSlackTs(event.ts),
    dedupeKey: eventId,
  };
  const text = parseSlackText(event.text ?? '').trim();
  const file = event.files?.find(isTextFile);
  if (event.subtype === 'file_share' && file?.url_private_download) {
    return { kind: 'file', base, text, file: { ...file, url: file.url_private_download } };
  }
  if (text === '') return { kind: 'ignored', reason: 'empty message' };
  return { kind: 'inbound', inbound: { ...base, payload: { type: 'text', text } } };
}

const slashCommandSchema = z.object({
  text: z.string().default(''),
  trigger_id: id,
  user_id: id,
  team_id: id,
  channel_id: id,
  channel_name: z.string().optional(),
});

/** `/stage <text>`. Slack gives no time of its own here, so `sentAt` is the signed request time. */
export function parseSlashCommand(body: unknown, requestedAt: Date): Inbound | null {
  const parsed = slashCommandSchema.safeParse(body);
  if (!parsed.success) return null;
  const command = parsed.data;
  return {
    platform: 'slack',
    tenant: command.team_id,
    user: { platformUserId: command.user_id },
    conversation: {
      id: command.channel_id,
      kind: isDirectChannel(command.channel_id, command.channel_name) ? 'direct' : 'channel',
    },
    sentAt: requestedAt,
    dedupeKey: command.trigger_id,
    payload: { type: 'command', text: parseSlackText(command.text).trim() },
  };
}

const stateValueSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
});
const stateValuesSchema = z.record(z.string(), z.record(z.string(), stateValueSchema)).optional();

/** The input kinds render.ts produces: free text, and a choice as radio buttons or a drop-down. */
const FORM_INPUT_TYPES = new Set(['plain_text_input', 'radio_buttons', 'static_select']);

const userSchema = z.object({ id, team_id: z.string().optional() });

const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  user: userSchema,
  team: z.object({ id }).nullish(),
  enterprise: z.object({ id }).nullish(),
  trigger_id: z.string().optional(),
  container: z.object({
    type: z.string(),
    channel_id: z.string().optional(),
    message_ts: z.string().optional(),
    view_id: z.string().optional(),
  }),
  channel: z.object({ id, name: z.string().optional() }).optional(),
  actions: z.array(
    z.object({ type: z.string(), action_id: id, action_ts: id, value: z.string().optional() }),
  ),
  state: z.object({ values: stateValuesSchema }).optional(),
  view: z.object({ state: z.object({ values: stateValuesSchema }).optional() }).nullish(),
});

/** A button or scale click. Clicks in a view (App Home, modal) are answered in the person's DM. */
export function parseBlockActions(body: unknown): Inbound | null {
  const parsed = blockActionsSchema.safeParse(body);
  if (!parsed.success) return null;
  const payload = parsed.data;
  const action = payload.actions[0];
  if (action?.type !== 'button') return null;
  const channelId = payload.container.channel_id ?? payload.channel?.id;
  const containerKey =
    payload.container.type === 'view'
      ? (payload.container.view_id ?? '')
      : `${channelId ?? ''}/${payload.container.message_ts ?? ''}`;
  const formValues = parseFormValues(payload.state?.values ?? payload.view?.state?.values);
  // The clicking person's own workspace first (see parseMessageEvent).
  const tenant = payload.user.team_id ?? payload.team?.id ?? payload.enterprise?.id;
  if (!tenant) return null;
  return {
    platform: 'slack',
    tenant,
    user: { platformUserId: payload.user.id },
    conversation:
      channelId && payload.container.type !== 'view'
        ? { id: channelId, kind: isDirectChannel(channelId, payload.channel?.name) ? 'direct' : 'channel' }
        : { id: payload.user.id, kind: 'direct' },
    sentAt: parseSlackTs(action.action_ts),
    dedupeKey: `${action.action_ts}:${action.action_id}:${containerKey}`,
    payload: {
      type: 'action',
      actionId: stripActionSuffix(action.action_id),
      ...(action.value === undefined ? {} : { value: action.value }),
      ...(formValues ? { formValues } : {}),
    },
  };
}

const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: userSchema,
  team: z.object({ id }).nullish(),
  enterprise: z.object({ id }).nullish(),
  trigger_id: id,
  view: z.object({
    callback_id: id,
    private_metadata: z.string().optional(),
    state: z.object({ values: stateValuesSchema }).optional(),
  }),
});

/** A submitted form modal (rendered with `callback_id` = the form's submit action). */
export function parseViewSubmission(body: unknown, requestedAt: Date): Inbound | null {
  const parsed = viewSubmissionSchema.safeParse(body);
  if (!parsed.success) return null;
  const { user, team, enterprise, trigger_id: triggerId, view } = parsed.data;
  const formValues = parseFormValues(view.state?.values);
  const tenant = user.team_id ?? team?.id ?? enterprise?.id;
  if (!tenant) return null;
  return {
    platform: 'slack',
    tenant,
    user: { platformUserId: user.id },
    conversation: { id: user.id, kind: 'direct' },
    sentAt: requestedAt,
    dedupeKey: triggerId,
    payload: {
      type: 'action',
      actionId: view.callback_id,
      ...(view.private_metadata ? { value: view.private_metadata } : {}),
      formValues: formValues ?? {},
    },
  };
}

/** Inputs are rendered with `block_id` = the model's `inputId`; an empty optional input is `''`. */
function parseFormValues(values: z.infer<typeof stateValuesSchema>): Record<string, string> | undefined {
  const entries = Object.entries(values ?? {}).flatMap(([blockId, actions]) =>
    Object.values(actions)
      .filter((state) => FORM_INPUT_TYPES.has(state.type))
      .map((state) => [blockId, state.value ?? state.selected_option?.value ?? ''] as const),
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

const homeOpenedSchema = z.object({
  team_id: id,
  event: z.object({ type: z.literal('app_home_opened'), user: id, tab: z.string().optional() }),
});

/** `app_home_opened` on the Home tab (opening the Messages tab fires it too; that is ignored). */
export function parseHomeOpened(body: unknown): PlatformIdentity | null {
  const parsed = homeOpenedSchema.safeParse(body);
  if (!parsed.success || parsed.data.event.tab !== 'home') return null;
  return { platform: 'slack', tenant: parsed.data.team_id, platformUserId: parsed.data.event.user };
}

const lifecycleSchema = z.object({
  team_id: id,
  event: z.discriminatedUnion('type', [
    z.object({ type: z.literal('app_uninstalled') }),
    z.object({
      type: z.literal('tokens_revoked'),
      tokens: z.object({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() }),
    }),
  ]),
});

export function parseLifecycleEvent(body: unknown): LifecycleEvent | null {
  const parsed = lifecycleSchema.safeParse(body);
  if (!parsed.success) return null;
  const { team_id: tenant, event } = parsed.data;
  if (event.type === 'app_uninstalled') return { type: 'uninstalled', platform: 'slack', tenant };
  return {
    type: 'tokens-revoked',
    platform: 'slack',
    tenant,
    platformUserIds: [...(event.tokens.oauth ?? []), ...(event.tokens.bot ?? [])],
  };
}

/** Slack `ts` ("1712345678.000200", seconds.microseconds) → Date, to the millisecond. */
export function parseSlackTs(ts: string): Date {
  const [seconds = '0', fraction = ''] = ts.split('.');
  const millis = Math.floor(Number(fraction.padEnd(6, '0').slice(0, 6)) / 1000);
  return new Date(Number(seconds) * 1000 + millis);
}

/** IM channel ids start with `D`; Slack also names them `directmessage` in command payloads. */
function isDirectChannel(channelId: string, channelName: string | undefined): boolean {
  return channelId.startsWith('D') || channelName === 'directmessage';
}
