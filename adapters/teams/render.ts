import type { Block, Button, ButtonStyle, Message } from '../../src/core/messages/model';
import { assertNever } from '../../src/core/shared/errors';
import { escapeMarkdown } from './escape';

/**
 * Message → Adaptive Card 1.5. Every string in the model is plain text; TextBlocks and Facts
 * render Markdown, so their text is escaped. Titles, labels and placeholders are not Markdown.
 */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type CardElement = { type: string; [key: string]: unknown };

export type AdaptiveCard = {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  fallbackText: string;
  body: CardElement[];
  actions?: CardElement[];
};

/** What a Submit button carries back: `actionId` and `value`, plus input values by id. */
export type SubmitData = { actionId: string; value?: string };

export function renderCard(message: Message): AdaptiveCard {
  const body: CardElement[] = [];
  let separatorPending = false;
  for (const block of message.blocks) {
    if (block.type === 'divider') {
      separatorPending = body.length > 0;
      continue;
    }
    const elements = renderBlock(block);
    if (separatorPending && elements[0]) {
      elements[0] = { ...elements[0], separator: true, spacing: 'Medium' };
      separatorPending = false;
    }
    body.push(...elements);
  }
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: message.summary,
    body,
  };
  if (message.form) {
    card.actions = [
      submitAction(
        message.form.submitLabel,
        submitData(message.form.submitActionId, message.form.value),
        'positive',
      ),
    ];
  }
  return card;
}

/** The Bot Framework activity for a message: one card attachment; `summary` feeds notifications. */
export function renderActivity(message: Message): {
  type: 'message';
  summary: string;
  attachments: Array<{ contentType: string; content: AdaptiveCard }>;
} {
  return {
    type: 'message',
    summary: message.summary,
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard(message) }],
  };
}

function renderBlock(block: Exclude<Block, { type: 'divider' }>): CardElement[] {
  switch (block.type) {
    case 'text':
      return [textBlock(block.text, block.style ?? 'plain')];
    case 'quote': {
      const items: CardElement[] = [];
      if (block.label) items.push({ ...textBlock(block.label, 'muted'), weight: 'Bolder' });
      items.push(textBlock(block.text, 'plain'));
      return [{ type: 'Container', style: 'emphasis', bleed: false, items }];
    }
    case 'fields':
      return [
        {
          type: 'FactSet',
          facts: block.fields.map((field) => ({
            title: escapeMarkdown(field.label),
            value: escapeMarkdown(field.value),
          })),
        },
      ];
    case 'actions':
      return [{ type: 'ActionSet', actions: block.buttons.map(renderButton) }];
    case 'scale':
      return renderScale(block);
    case 'input':
      return [
        {
          type: 'Input.Text',
          id: block.inputId,
          label: block.label,
          isMultiline: block.multiline ?? false,
          isRequired: !(block.optional ?? false),
          ...(block.placeholder ? { placeholder: block.placeholder } : {}),
        },
      ];
    case 'choice':
      return [
        {
          type: 'Input.ChoiceSet',
          id: block.inputId,
          label: block.label,
          style: 'expanded',
          choices: block.options.map((option) => ({ title: option.label, value: option.value })),
          ...(block.initial === undefined ? {} : { value: block.initial }),
        },
      ];
    default:
      return assertNever(block);
  }
}

function renderScale(block: Extract<Block, { type: 'scale' }>): CardElement[] {
  const elements: CardElement[] = [];
  if (block.lowLabel || block.highLabel) {
    const parts = [
      block.lowLabel ? `${block.min} = ${block.lowLabel}` : '',
      block.highLabel ? `${block.max} = ${block.highLabel}` : '',
    ].filter(Boolean);
    elements.push(textBlock(parts.join(' · '), 'muted'));
  }
  const actions: CardElement[] = [];
  for (let value = block.min; value <= block.max; value += 1) {
    actions.push(submitAction(String(value), submitData(block.actionId, String(value))));
  }
  elements.push({ type: 'ActionSet', actions });
  return elements;
}

function renderButton(button: Button): CardElement {
  return submitAction(button.label, submitData(button.actionId, button.value), actionStyle(button.style));
}

function submitAction(title: string, data: SubmitData, style?: 'positive' | 'destructive'): CardElement {
  return { type: 'Action.Submit', title, data, ...(style ? { style } : {}) };
}

function submitData(actionId: string, value: string | undefined): SubmitData {
  return value === undefined ? { actionId } : { actionId, value };
}

function actionStyle(style: ButtonStyle | undefined): 'positive' | 'destructive' | undefined {
  if (style === 'primary') return 'positive';
  if (style === 'danger') return 'destructive';
  return undefined;
}

function textBlock(value: string, style: 'plain' | 'heading' | 'muted'): CardElement {
  const base: CardElement = { type: 'TextBlock', text: escapeMarkdown(value), wrap: true };
  switch (style) {
    case 'plain':
      return base;
    case 'heading':
      return { ...base, weight: 'Bolder', size: 'Medium' };
    case 'muted':
      return { ...base, isSubtle: true, size: 'Small' };
    default:
      return assertNever(style);
  }
}
