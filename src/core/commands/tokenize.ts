import { err, ok, type Result } from '../shared/result';
import type { CommandUsageError } from './types';

/**
 * Straight and typographic double quotes. Chat clients and phones turn `"` into `“…”`, and
 * Dutch typography uses `„…”`, so all of them group words. Single quotes do not: names such
 * as O'Brien contain apostrophes.
 */
const QUOTES = new Set(['"', '“', '”', '„']);

/**
 * Splits command text into words; a quoted part keeps its spaces and may sit inside a word
 * (`naam="Sam de Vries"` gives `naam=Sam de Vries`). Any Unicode space separates words
 * (Teams sends non-breaking spaces).
 */
export function tokenize(input: string): Result<string[], CommandUsageError> {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quoted = false;
  for (const char of input) {
    if (QUOTES.has(char)) {
      quoted = !quoted;
      inToken = true; // `""` is an explicit empty word
    } else if (!quoted && /\s/u.test(char)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += char;
      inToken = true;
    }
  }
  if (quoted) return err({ code: 'COMMAND.UNCLOSED_QUOTE', params: {} });
  if (inToken) tokens.push(current);
  return ok(tokens);
}
