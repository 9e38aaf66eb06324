/**
 * Slack sends user text with its own markup: `&amp;`/`&lt;`/`&gt;` entities and `<…>` tokens for
 * mentions and links. The core wants what the person meant, as plain text:
 * - `<@U123|jan>` / `<@U123>` → `@U123` and `<#C123|mentoren>` / `<#C123>` → `#C123` (the ids,
 *   which stay valid when someone renames themselves or the channel),
 * - `<!here>` → `@here`, `<!subteam^S1|@team>` → `@team`, `<!date^…|fallback>` → `fallback`,
 * - `<mailto:a@b.nl|a@b.nl>` → `a@b.nl`, `<https://x|label>` → `label (https://x)`.
 */
export function parseSlackText(text: string): string {
  const withoutTokens = text.replace(/<([^<>]*)>/gu, (_token, inner: string) => renderToken(inner));
  return withoutTokens.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');
}

function renderToken(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? '' : inner.slice(bar + 1);
  if (target.startsWith('@')) return `@${target.slice(1)}`;
  if (target.startsWith('#')) return `#${target.slice(1)}`;
  if (target.startsWith('!subteam^')) return label || `@${target.slice('!subteam^'.length)}`;
  if (target.startsWith('!date^')) return label;
  if (target.startsWith('!')) return `@${target.slice(1)}`;
  if (target.startsWith('mailto:')) return label || target.slice('mailto:'.length);
  if (!label || label === target || `http://${label}` === target || `https://${label}` === target) {
    return label || target;
  }
  return `${label} (${target})`;
}
