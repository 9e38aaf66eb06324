/**
 * Adaptive Card TextBlocks and Facts render a Markdown subset (bold, italic, lists, links) and
 * `{{DATE()}}`/`{{TIME()}}` functions; Teams also reads `<at>` tags. Everything we show is plain
 * text, so every control character is backslash-escaped: nothing a person typed can become a
 * link, a mention, a list or formatting.
 */
const INLINE_CONTROL = /[\\`*_~[\](){}#<>&|!]/g;

/** Characters that only mean something at the start of a line (lists, quotes, headings). */
const LINE_START_CONTROL = /^(\s*)([-+=])/gm;
const ORDERED_LIST_START = /^(\s*\d+)\./gm;

export function escapeMarkdown(value: string): string {
  return value
    .replace(INLINE_CONTROL, (char) => `\\${char}`)
    .replace(LINE_START_CONTROL, (_match, indent: string, char: string) => `${indent}\\${char}`)
    .replace(ORDERED_LIST_START, (_match, number: string) => `${number}\\.`);
}
