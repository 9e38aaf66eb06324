/**
 * Slack text safety: everything we put into a Block Kit text object is escaped here, so nothing a
 * user typed can ping (`<!channel>`, `<@U…>`, `<!subteam^…>`) or link (`<https://evil|click>`).
 * Lengths are measured in UTF-16 code units on the ESCAPED text (what Slack counts), and cuts only
 * fall between grapheme clusters, so an emoji or an `&amp;` entity is never split in half.
 */

/** U+200D ZERO WIDTH JOINER: breaks `@channel` for Slack's parser, invisible to readers. */
const JOINER = '\u200D';
const ELLIPSIS = '…';

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Bare `@channel`/`@here`/`@everyone` can still notify in some clients; make them inert. */
export function defuseBroadcasts(value: string): string {
  return value.replace(/@(channel|here|everyone)\b/giu, `@${JOINER}$1`);
}

function escapeGrapheme(grapheme: string): string {
  return grapheme.replace(/[&<>]/gu, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}

/** Escapes Slack's three control characters and defuses broadcast words. */
export function escapeSlackText(value: string): string {
  return escapeGrapheme(defuseBroadcasts(value));
}

/**
 * The grapheme clusters of `text`. In ASCII text every character is one, except `\r\n`
 * (Unicode's rules join nothing else there), so long ASCII text needs no segmenter.
 */
function graphemes(text: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, controls included
  if (!/^[\x00-\x7F]*$/u.test(text)) return Array.from(segmenter.segment(text), (part) => part.segment);
  const out: string[] = [];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\r' && text[index + 1] === '\n') {
      out.push('\r\n');
      index++;
    } else out.push(text[index] as string);
  }
  return out;
}

function escapedGraphemes(value: string): string[] {
  return graphemes(defuseBroadcasts(value)).map(escapeGrapheme);
}

/** Escapes `value` and cuts it to at most `limit` code units, ending in `…` when it was cut. */
export function fitSlackText(value: string, limit: number): string {
  const escaped = escapeSlackText(value);
  if (escaped.length <= limit) return escaped;
  let out = '';
  for (const piece of escapedGraphemes(value)) {
    if (out.length + piece.length + ELLIPSIS.length > limit) break;
    out += piece;
  }
  return out + ELLIPSIS;
}

/**
 * Escapes `value` and splits it into chunks of at most `limit` code units, preferring to break
 * after a newline, then after a space. `linePrefix` (e.g. `>` for a quote) starts every chunk and
 * every line and is counted in the limit.
 */
export function splitSlackText(value: string, limit: number, linePrefix = ''): string[] {
  // Fast path, the common case: the whole text fits, so no cut is needed and no grapheme has to be
  // found. What the loop below would produce then: every line break that is a grapheme of its own
  // (a `\n` not after `\r`; `\r\n` is one grapheme) followed by the prefix, leading ones dropped.
  const whole = escapeSlackText(value)
    .replace(/^\n+/u, '')
    .replace(/(?<!\r)\n/gu, () => `\n${linePrefix}`);
  if (linePrefix.length + whole.length <= limit) return [linePrefix + whole];

  const pieces = escapedGraphemes(value).map((piece) => (piece === '\n' ? `\n${linePrefix}` : piece));
  const chunks: string[] = [];
  let current: string[] = [];
  let length = linePrefix.length;

  for (const piece of pieces) {
    if (length + piece.length > limit && current.length > 0) {
      const { end, resume } = breakPoint(current);
      chunks.push(linePrefix + current.slice(0, end).join(''));
      current = current.slice(resume);
      length = linePrefix.length + current.reduce((sum, part) => sum + part.length, 0);
    }
    // A chunk never starts with a line break: it would render as an empty first line.
    if (current.length === 0 && piece.startsWith('\n')) continue;
    current.push(piece);
    length += piece.length;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(linePrefix + current.join(''));
  return chunks;
}

/** Cut before the last newline (or else space) in the chunk's second half, dropping it; else cut hard. */
function breakPoint(pieces: readonly string[]): { end: number; resume: number } {
  const half = Math.floor(pieces.length / 2);
  for (const isBreak of [(p: string) => p.startsWith('\n'), (p: string) => /^\s$/u.test(p)]) {
    for (let index = pieces.length - 1; index >= half; index -= 1) {
      if (isBreak(pieces[index] ?? '')) return { end: index, resume: index + 1 };
    }
  }
  return { end: pieces.length, resume: pieces.length };
}
