import type { RecordedCall } from '../slack/fixtures/fake-slack-api';
import { APP_ID, BOT_USER, TEAM } from '../slack/fixtures/payloads';

/**
 * Slack payloads for end-to-end acts, shaped like the fixtures in `adapters/slack/fixtures`
 * but with the ids, times and buttons a test needs. Buttons and modals are taken from what the
 * bot actually sent (the fake Web API's recorded calls), so a click is a click on our own UI.
 */

/** A Date as Slack's `ts` ("seconds.microseconds"). */
export function slackTs(at: Date): string {
  const ms = at.getTime();
  const seconds = Math.floor(ms / 1000);
  return `${seconds}.${String((ms - seconds * 1000) * 1000).padStart(6, '0')}`;
}

export function slackDm(input: { user: string; channel: string; text: string; at: Date; eventId: string }) {
  const ts = slackTs(input.at);
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: APP_ID,
    type: 'event_callback',
    event_id: input.eventId,
    event_time: Math.floor(input.at.getTime() / 1000),
    event: {
      type: 'message',
      channel: input.channel,
      channel_type: 'im',
      user: input.user,
      text: input.text,
      ts,
      event_ts: ts,
      team: TEAM,
    },
    authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
  };
}

export type SlackButton = { action_id: string; value?: string; text?: { text: string } };

/** A click on a button of a message in a DM (block_actions). */
export function slackClick(input: {
  user: string;
  channel: string;
  button: SlackButton;
  at: Date;
  triggerId: string;
  messageTs?: string;
  /** Inputs of a form inside the message, by input id (block_id). */
  formBlocks?: readonly ModalBlock[];
  formValues?: Record<string, string>;
}) {
  const messageTs = input.messageTs ?? '1741000000.000100';
  return {
    type: 'block_actions',
    user: { id: input.user, username: input.user.toLowerCase(), team_id: TEAM },
    api_app_id: APP_ID,
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: input.channel, is_ephemeral: false },
    trigger_id: input.triggerId,
    team: { id: TEAM, domain: 'roc-stage' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: input.channel, name: 'directmessage' },
    message: { type: 'message', user: BOT_USER, ts: messageTs },
    state: { values: slackStateValues(input.formBlocks ?? [], input.formValues ?? {}) },
    actions: [
      {
        action_id: input.button.action_id,
        block_id: 'b1',
        text: { type: 'plain_text', text: input.button.text?.text ?? 'knop' },
        ...(input.button.value === undefined ? {} : { value: input.button.value }),
        type: 'button',
        action_ts: slackTs(input.at),
      },
    ],
  };
}

export type ModalBlock = { type: string; block_id?: string; element?: { type: string; action_id?: string } };
export type OpenedModal = { callback_id?: string; private_metadata?: string; blocks: ModalBlock[] };

/** `state.values` as Slack sends it for the input blocks we rendered, typed into each element. */
export function slackStateValues(blocks: readonly ModalBlock[], values: Record<string, string>) {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of blocks) {
    if (block.type !== 'input' || !block.block_id || !block.element) continue;
    const value = values[block.block_id];
    const actionId = block.element.action_id ?? block.block_id;
    const type = block.element.type;
    state[block.block_id] = {
      [actionId]:
        type === 'plain_text_input'
          ? { type, value: value ?? null }
          : { type, selected_option: value === undefined ? null : { value } },
    };
  }
  return state;
}

/** Submitting a modal we opened: `values` by input id (block_id), typed into the right elements. */
export function slackViewSubmission(input: {
  user: string;
  view: OpenedModal;
  values: Record<string, string>;
  triggerId: string;
}) {
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'roc-stage' },
    user: { id: input.user, username: input.user.toLowerCase(), team_id: TEAM },
    api_app_id: APP_ID,
    token: 'legacy-verification-token',
    trigger_id: input.triggerId,
    view: {
      id: 'V0OPENED',
      team_id: TEAM,
      type: 'modal',
      callback_id: input.view.callback_id,
      private_metadata: input.view.private_metadata ?? '',
      state: { values: slackStateValues(input.view.blocks, input.values) },
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

/** `/stage <text>` typed in a channel; `responseUrl` should point at the fake Slack. */
export function slackSlashCommand(input: {
  user: string;
  channel: string;
  text: string;
  triggerId: string;
  responseUrl: string;
}) {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'roc-stage',
    channel_id: input.channel,
    channel_name: 'mentoren',
    user_id: input.user,
    user_name: input.user.toLowerCase(),
    command: '/stage',
    text: input.text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  };
}

/** Every button in the blocks of a recorded chat.postMessage (or a modal). */
export function buttonsIn(blocks: unknown): SlackButton[] {
  const found: SlackButton[] = [];
  for (const block of (blocks ?? []) as Array<{ type: string; elements?: unknown[] }>) {
    if (block.type !== 'actions') continue;
    for (const element of (block.elements ?? []) as Array<SlackButton & { type: string }>) {
      if (element.type === 'button') found.push(element);
    }
  }
  return found;
}

/** The one button with this (unsuffixed) action id and, if given, value; throws if absent. */
export function findButton(call: RecordedCall | undefined, actionId: string, value?: string): SlackButton {
  const button = buttonsIn(call?.args.blocks).find(
    (candidate) =>
      candidate.action_id.replace(/::\d+$/u, '') === actionId &&
      (value === undefined || candidate.value === value),
  );
  if (!button) throw new Error(`no ${actionId} button in ${JSON.stringify(call?.args.blocks ?? null)}`);
  return button;
}

/** Everything a recorded call carried, as one searchable string. */
export const callText = (call: RecordedCall): string => JSON.stringify(call.args);
