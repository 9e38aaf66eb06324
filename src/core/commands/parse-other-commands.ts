import { ok } from '../shared/result';
import { noMore } from './parse-student-commands';
import { parseSettingsPatch } from './settings';
import { suggestClosest } from './suggest';
import { ALL_ALIASES, findCommandByAlias } from './table';
import type { Command, CommandName, CommandTarget } from './types';
import {
  bareWord,
  looksLikeEmail,
  missing,
  type Parsed,
  parseEmailArg,
  splitKeyValue,
  usageError,
} from './values';

/** Commands about the bot, a cohort, or several placements. */

function parseHelp(args: readonly string[]): Parsed<Command> {
  const [topicRaw, ...rest] = args;
  const done = noMore('help', rest);
  if (!done.ok) return done;
  if (topicRaw === undefined) return ok({ type: 'help', topic: null });
  const spec = findCommandByAlias(bareWord(topicRaw));
  if (spec) return ok({ type: 'help', topic: spec.name });
  const suggestion = suggestClosest(bareWord(topicRaw), ALL_ALIASES);
  return usageError('help', 'COMMAND.UNKNOWN', { input: topicRaw, ...(suggestion ? { suggestion } : {}) });
}

/**
 * A student (one e-mail) or a cohort. Cohort names may have spaces; unquoted words are joined,
 * because `overzicht Klas 3A` can only mean one thing.
 */
function parseTarget(command: CommandName, args: readonly string[]): Parsed<CommandTarget | null> {
  const [first, ...rest] = args;
  if (first === undefined) return ok(null);
  if (looksLikeEmail(first)) {
    const email = parseEmailArg(command, first, 'student-email');
    if (!email.ok) return email;
    const done = noMore(command, rest);
    return done.ok ? ok({ kind: 'student', email: email.value }) : done;
  }
  return ok({ kind: 'cohort', cohort: args.join(' ') });
}

function parseOverview(args: readonly string[]): Parsed<Command> {
  const target = parseTarget('overview', args);
  return target.ok ? ok({ type: 'overview', target: target.value }) : target;
}

const SKIP_INVALID_WORDS = ['skip-invalid', 'skip_invalid', 'ongeldige-overslaan', 'overslaan'];

function parseImport(args: readonly string[]): Parsed<Command> {
  let skipInvalid = false;
  for (const arg of args) {
    if (!SKIP_INVALID_WORDS.includes(bareWord(arg))) {
      return usageError('import', 'COMMAND.UNEXPECTED_ARGUMENT', { value: arg });
    }
    skipInvalid = true;
  }
  return ok({ type: 'import', skipInvalid });
}

function parseChannel(args: readonly string[]): Parsed<Command> {
  if (args.length === 0) return missing('channel', 'cohort');
  return ok({ type: 'channel', cohort: args.join(' ') });
}

function parseSettings(args: readonly string[]): Parsed<Command> {
  const firstPair = args.findIndex((arg) => splitKeyValue(arg) !== null);
  const nameWords = firstPair === -1 ? args : args.slice(0, firstPair);
  if (nameWords.length === 0) return missing('settings', 'cohort');
  const cohort = nameWords.join(' ');
  if (firstPair === -1) return ok({ type: 'settings', cohort, patch: null });
  const patch = parseSettingsPatch(args.slice(firstPair));
  return patch.ok ? ok({ type: 'settings', cohort, patch: patch.value }) : patch;
}

/** Asks a cohort export to include moods and check-in text (left out by default). */
const WITH_CHECKINS_WORDS = ['met-checkins', 'with-checkins'];

function parseExport(args: readonly string[]): Parsed<Command> {
  let format: 'json' | 'csv' | null = null;
  let withCheckins = false;
  const rest: string[] = [];
  for (const arg of args) {
    const word = bareWord(arg);
    if ((word === 'json' || word === 'csv') && format === null) format = word;
    else if (WITH_CHECKINS_WORDS.includes(word)) withCheckins = true;
    else rest.push(arg);
  }
  const target = parseTarget('export', rest);
  return target.ok
    ? ok({ type: 'export', format: format ?? 'json', target: target.value, withCheckins })
    : target;
}

const ADD_WORDS = ['toevoegen', 'voeg-toe', 'add'];
const REMOVE_WORDS = ['verwijderen', 'verwijder', 'remove'];

function parseCoordinator(args: readonly string[]): Parsed<Command> {
  const [actionRaw, emailRaw, ...cohortWords] = args;
  if (actionRaw === undefined) return missing('coordinator', 'action');
  const word = bareWord(actionRaw);
  const action = ADD_WORDS.includes(word) ? 'add' : REMOVE_WORDS.includes(word) ? 'remove' : null;
  if (action === null) return usageError('coordinator', 'COMMAND.USAGE', { value: actionRaw });
  const email = parseEmailArg('coordinator', emailRaw, 'email');
  if (!email.ok) return email;
  const cohort = cohortWords.length === 0 ? null : cohortWords.join(' ');
  return ok({ type: 'coordinator', action, email: email.value, cohort });
}

export const otherCommandParsers = {
  help: parseHelp,
  me: (args: readonly string[]) => {
    const done = noMore('me', args);
    return done.ok ? ok({ type: 'me' }) : done;
  },
  overview: parseOverview,
  import: parseImport,
  channel: parseChannel,
  settings: parseSettings,
  export: parseExport,
  coordinator: parseCoordinator,
} satisfies Partial<Record<CommandName, (args: readonly string[]) => Parsed<Command>>>;
