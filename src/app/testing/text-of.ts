import type { Message } from '../../core/messages/model';

/** Every text of a message, flattened: for "contains"/"does not contain" assertions. */
export function textOf(message: Message): string {
  const parts: string[] = [message.summary];
  for (const block of message.blocks) {
    switch (block.type) {
      case 'text':
      case 'quote':
        parts.push(block.text, block.type === 'quote' ? (block.label ?? '') : '');
        break;
      case 'fields':
        for (const field of block.fields) parts.push(field.label, field.value);
        break;
      case 'actions':
        for (const button of block.buttons) parts.push(button.label, button.value ?? '');
        break;
      default:
        break;
    }
  }
  return parts.join('\n');
}
