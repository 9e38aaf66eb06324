import type { Block, Locale, Message } from '../../src/core/messages/model';
import { assertNever } from '../../src/core/shared/errors';

/**
 * Message → terminal text. Buttons show their typed keyword (or the action to type with `!`),
 * because in a terminal every button is a word you type.
 */
export function renderConsoleMessage(message: Message, locale: Locale = 'nl'): string {
  const words = WORDS[locale];
  const lines = message.blocks.flatMap((block) => renderBlock(block, words));
  if (message.form) lines.push(renderFormHint(message.form, message.blocks, words));
  return lines.join('\n');
}

/** The renderer's own two words, in the reader's language. */
const WORDS = {
  nl: { type: 'typ', optional: 'optioneel' },
  en: { type: 'type', optional: 'optional' },
} as const;

type Words = (typeof WORDS)[Locale];

/**
 * How to submit a form by typing: the action, its value, and each field as `name=…` (a value
 * runs until the next `name=`, so free text needs no quotes).
 */
function renderFormHint(form: NonNullable<Message['form']>, blocks: readonly Block[], words: Words): string {
  const fields = blocks.flatMap((block) => {
    if (block.type === 'input') return [`${block.inputId}=…`];
    if (block.type === 'choice') return [`${block.inputId}=${block.options.map((o) => o.value).join('|')}`];
    return [];
  });
  const typed = [`!${form.submitActionId}`, ...(form.value ? [form.value] : []), ...fields].join(' ');
  return `  [${form.submitLabel}] → ${words.type}: ${typed}`;
}

function buttonHint(label: string, keyword: string | undefined, actionId: string, value?: string): string {
  const typed = keyword ?? `!${actionId}${value ? ` ${value}` : ''}`;
  return `[${label}] → ${typed}`;
}

function renderBlock(block: Block, words: Words): string[] {
  switch (block.type) {
    case 'text':
      return block.style === 'heading'
        ? [`** ${block.text} **`]
        : block.style === 'muted'
          ? [`  (${block.text})`]
          : [block.text];
    case 'quote':
      return [
        ...(block.label ? [`  ${block.label}:`] : []),
        ...block.text.split('\n').map((line) => `  > ${line}`),
      ];
    case 'fields':
      return block.fields.map((field) => `  ${field.label}: ${field.value}`);
    case 'actions':
      return [
        `  ${block.buttons.map((b) => buttonHint(b.label, b.keyword, b.actionId, b.value)).join('  ')}`,
      ];
    case 'scale': {
      const values = Array.from({ length: block.max - block.min + 1 }, (_, i) => block.min + i).join(' ');
      const ends =
        block.lowLabel && block.highLabel
          ? ` (${block.min} = ${block.lowLabel}, ${block.max} = ${block.highLabel})`
          : '';
      return [`  [${values}]${ends} → typ een cijfer`];
    }
    case 'input':
      return [`  ${block.label}${block.optional ? ` (${words.optional})` : ''}: ${block.inputId}=…`];
    case 'choice':
      return [
        `  ${block.label}: ${block.options.map((o) => `${o.label} (${block.inputId}=${o.value})`).join(' / ')}`,
      ];
    case 'divider':
      return ['  ───'];
    default:
      return assertNever(block);
  }
}
