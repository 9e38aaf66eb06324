import { err, ok, type Result } from '../shared/result';
import { parseAddArgs } from './add';
import { otherCommandParsers } from './parse-other-commands';
import { studentCommandParsers } from './parse-student-commands';
import { suggestClosest } from './suggest';
import { ALL_ALIASES, findCommandByAlias, normalizeWord } from './table';
import { tokenize } from './tokenize';
import type { Command, CommandName, CommandUsageError } from './types';
import type { Parsed } from './values';

/** One parser per command; a `Record` over every name, so a new command without a parser fails the build. */
const PARSERS: Record<CommandName, (args: readonly string[]) => Parsed<Command>> = {
  ...otherCommandParsers,
  ...studentCommandParsers,
  add: (args) => {
    const placement = parseAddArgs(args);
    return placement.ok ? ok({ type: 'add', placement: placement.value }) : placement;
  },
};

/** The platform prefix, when an adapter passes the whole text (`/stage …`, `stage …`). */
const PREFIXES = ['/stage', 'stage'];

/**
 * Slack turns a typed address into `<mailto:a@b.nl|a@b.nl>` when a command escapes links; its
 * `|` would split a mentor list, so links are unwrapped before the words are split.
 */
const unwrapMailtoLinks = (text: string): string => text.replace(/<mailto:([^|>]+)(?:\|[^>]*)?>/gi, '$1');

/**
 * Parses what a person typed after `/stage` (Slack) or `stage` (Teams). Dutch and English
 * command words and keys both work. An empty command is a request for help.
 */
export function parseCommand(text: string): Result<Command, CommandUsageError> {
  const tokens = tokenize(unwrapMailtoLinks(text));
  if (!tokens.ok) return tokens;
  const words = tokens.value;
  if (words[0] !== undefined && PREFIXES.includes(normalizeWord(words[0]))) words.shift();
  const [commandWord, ...args] = words;
  if (commandWord === undefined) return ok({ type: 'help', topic: null });
  const spec = findCommandByAlias(commandWord);
  if (!spec) {
    const suggestion = suggestClosest(normalizeWord(commandWord), ALL_ALIASES);
    return err({
      code: 'COMMAND.UNKNOWN',
      params: { input: commandWord, ...(suggestion ? { suggestion } : {}) },
    });
  }
  return PARSERS[spec.name](args);
}
