import type { types } from '@slack/bolt';
import type { Block, Button, Message } from '../../src/core/messages/model';
import { assertNever, StagecoachError } from '../../src/core/shared/errors';
import { escapeSlackText, fitSlackText, splitSlackText } from './escape';

type KnownBlock = types.KnownBlock;
type SlackButton = types.Button;

/** Block Kit limits (characters unless noted), from Slack's Block Kit reference. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  contextText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  elementsPerActions: 25,
  inputLabel: 2000,
  optionText: 75,
  optionValue: 150,
  radioOptions: 10,
  selectOptions: 100,
  placeholder: 150,
  modalTitle: 24,
  modalButton: 24,
  callbackId: 255,
  privateMetadata: 3000,
  /** Top-level `text` is the notification fallback; keep it well under chat.postMessage's cap. */
  fallbackText: 3000,
} as const;

/**
 * Slack wants action ids unique within a message, but the core reuses one id for many buttons
 * (a scale, "details" per student). Each rendered button gets `<actionId>::<n>`; parse strips it.
 */
const ACTION_SUFFIX = /::\d+$/u;

export function stripActionSuffix(renderedActionId: string): string {
  return renderedActionId.replace(ACTION_SUFFIX, '');
}

export type SlackSurface = 'message' | 'modal' | 'home';

export type SlackPost = { text: string; blocks: KnownBlock[] };

const plain = (text: string, limit: number): types.PlainTextElement => ({
  type: 'plain_text',
  text: fitSlackText(text, limit),
  emoji: true,
});

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });

/** Renders the model into Block Kit blocks for one surface (not yet split into posts). */
export function renderBlocks(message: Message, surface: SlackSurface): KnownBlock[] {
  const counter = { next: 0 };
  const blocks = message.blocks.flatMap((block) => renderBlock(block, counter));
  // In a modal the view's own submit button sends the form; elsewhere we add one.
  if (message.form && surface !== 'modal') {
    const submit: Button = {
      actionId: message.form.submitActionId,
      label: message.form.submitLabel,
      style: 'primary',
      ...(message.form.value === undefined ? {} : { value: message.form.value }),
    };
    blocks.push({ type: 'actions', elements: [renderButton(submit, counter)] });
  }
  return blocks;
}

function renderBlock(block: Block, counter: { next: number }): KnownBlock[] {
  switch (block.type) {
    case 'text':
      return renderText(block.text, block.style ?? 'plain');
    case 'quote':
      return renderQuote(block.label, block.text);
    case 'fields':
      return chunk(block.fields, SLACK_LIMITS.fieldsPerSection).map((fields) => ({
        type: 'section',
        fields: fields.map((field) => mrkdwn(renderField(field.label, field.value))),
      }));
    case 'actions':
      return chunk(block.buttons, SLACK_LIMITS.elementsPerActions).map((buttons) => ({
        type: 'actions',
        elements: buttons.map((button) => renderButton(button, counter)),
      }));
    case 'scale':
      return renderScale(block, counter);
    case 'input':
      return [renderInput(block)];
    case 'choice':
      return [renderChoice(block)];
    case 'divider':
      return [{ type: 'divider' }];
    default:
      return assertNever(block);
  }
}

function renderText(text: string, style: 'plain' | 'heading' | 'muted'): KnownBlock[] {
  if (text.trim() === '') return [];
  switch (style) {
    case 'heading':
      return [{ type: 'header', text: plain(text, SLACK_LIMITS.headerText) }];
    case 'muted':
      return splitSlackText(text, SLACK_LIMITS.contextText).map((part) => ({
        type: 'context',
        elements: [mrkdwn(part)],
      }));
    case 'plain':
      return splitSlackText(text, SLACK_LIMITS.sectionText).map((part) => ({
        type: 'section',
        text: mrkdwn(part),
      }));
    default:
      return assertNever(style);
  }
}

function renderQuote(label: string | undefined, text: string): KnownBlock[] {
  const heading = label ? `*${fitSlackText(label, 200)}*\n` : '';
  const body = text.trim() === '' ? '—' : text;
  return splitSlackText(body, SLACK_LIMITS.sectionText - heading.length, '>').map((part, index) => ({
    type: 'section',
    text: mrkdwn(index === 0 ? heading + part : part),
  }));
}

function renderField(label: string, value: string): string {
  const heading = `*${fitSlackText(label, 200)}*\n`;
  return heading + fitSlackText(value || '—', SLACK_LIMITS.fieldText - heading.length);
}

function renderButton(button: Button, counter: { next: number }): SlackButton {
  const actionId = `${button.actionId}::${counter.next}`;
  counter.next += 1;
  if (actionId.length > SLACK_LIMITS.actionId) {
    throw new StagecoachError('SLACK.ACTION_ID_TOO_LONG', `Action id too long for Slack: ${button.actionId}`);
  }
  if (button.value !== undefined && button.value.length > SLACK_LIMITS.buttonValue) {
    throw new StagecoachError('SLACK.BUTTON_VALUE_TOO_LONG', `Button value too long for ${button.actionId}`);
  }
  return {
    type: 'button',
    action_id: actionId,
    text: plain(button.label, SLACK_LIMITS.buttonText),
    ...(button.value === undefined ? {} : { value: button.value }),
    ...(button.style === 'primary' || button.style === 'danger' ? { style: button.style } : {}),
  };
}

function renderScale(block: Extract<Block, { type: 'scale' }>, counter: { next: number }): KnownBlock[] {
  const values: number[] = [];
  for (let value = block.min; value <= block.max; value += 1) values.push(value);
  const rows: KnownBlock[] = chunk(values, SLACK_LIMITS.elementsPerActions).map((row) => ({
    type: 'actions',
    elements: row.map((value) =>
      renderButton({ actionId: block.actionId, label: String(value), value: String(value) }, counter),
    ),
  }));
  const legend = [
    block.lowLabel ? `${block.min} = ${block.lowLabel}` : '',
    block.highLabel ? `${block.max} = ${block.highLabel}` : '',
  ]
    .filter(Boolean)
    .join('   ');
  if (legend)
    rows.push({ type: 'context', elements: [mrkdwn(fitSlackText(legend, SLACK_LIMITS.contextText))] });
  return rows;
}

function renderInput(block: Extract<Block, { type: 'input' }>): KnownBlock {
  return {
    type: 'input',
    block_id: block.inputId,
    label: plain(block.label, SLACK_LIMITS.inputLabel),
    optional: block.optional ?? false,
    element: {
      type: 'plain_text_input',
      action_id: block.inputId,
      multiline: block.multiline ?? false,
      ...(block.placeholder ? { placeholder: plain(block.placeholder, SLACK_LIMITS.placeholder) } : {}),
    },
  };
}

/** Up to 10 options as radio buttons (all visible at once), more as a drop-down. */
function renderChoice(block: Extract<Block, { type: 'choice' }>): KnownBlock {
  const options = block.options.slice(0, SLACK_LIMITS.selectOptions).map((option) => {
    if (option.value.length > SLACK_LIMITS.optionValue) {
      throw new StagecoachError('SLACK.OPTION_VALUE_TOO_LONG', `Option value too long in ${block.inputId}`);
    }
    return { text: plain(option.label, SLACK_LIMITS.optionText), value: option.value };
  });
  const initial = options.find((option) => option.value === block.initial);
  const common = { action_id: block.inputId, options, ...(initial ? { initial_option: initial } : {}) };
  return {
    type: 'input',
    block_id: block.inputId,
    label: plain(block.label, SLACK_LIMITS.inputLabel),
    element:
      options.length <= SLACK_LIMITS.radioOptions
        ? { type: 'radio_buttons', ...common }
        : { type: 'static_select', ...common },
  };
}

/** A message as one or more chat posts of at most 50 blocks, each with the summary as fallback. */
export function renderSlackPosts(message: Message): SlackPost[] {
  const text = fitSlackText(message.summary, SLACK_LIMITS.fallbackText);
  const blocks = renderBlocks(message, 'message');
  if (blocks.length === 0) return [{ text, blocks: [] }];
  return chunk(blocks, SLACK_LIMITS.blocksPerMessage).map((part) => ({ text, blocks: part }));
}

/** A detail view or form as a modal; the form's submit action travels in `callback_id`. */
export function renderModal(message: Message, title = 'Stagecoach'): types.ModalView {
  const form = message.form;
  if (form?.value !== undefined && form.value.length > SLACK_LIMITS.privateMetadata) {
    throw new StagecoachError('SLACK.FORM_VALUE_TOO_LONG', `Form value too long for ${form.submitActionId}`);
  }
  return {
    type: 'modal',
    title: plain(title, SLACK_LIMITS.modalTitle),
    blocks: capViewBlocks(renderBlocks(message, 'modal')),
    ...(form
      ? {
          callback_id: form.submitActionId,
          private_metadata: form.value ?? '',
          submit: plain(form.submitLabel, SLACK_LIMITS.modalButton),
        }
      : {}),
  };
}

export function renderHome(message: Message): types.HomeView {
  return { type: 'home', blocks: capViewBlocks(renderBlocks(message, 'home')) };
}

/** Views hold at most 100 blocks; cut and say so rather than have Slack refuse the whole view. */
function capViewBlocks(blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= SLACK_LIMITS.blocksPerView) return blocks;
  return [
    ...blocks.slice(0, SLACK_LIMITS.blocksPerView - 1),
    { type: 'context', elements: [mrkdwn(escapeSlackText('…'))] },
  ];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}
