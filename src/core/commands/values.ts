import { z } from 'zod';
import { type IsoWeekday, isLocalDate, type LocalDate } from '../shared/dates';
import { err, ok, type Result } from '../shared/result';
import { normalizeWord } from './table';
import type { ArgumentId, CommandName, CommandUsageError } from './types';

export type Parsed<T> = Result<T, CommandUsageError>;

export function usageError(
  command: CommandName,
  code: CommandUsageError['code'],
  params: CommandUsageError['params'] = {},
): Parsed<never> {
  return err({ code, command, params });
}

export const missing = (command: CommandName, argument: ArgumentId): Parsed<never> =>
  usageError(command, 'COMMAND.MISSING_ARGUMENT', { argument });

const emailSchema = z.email();

/**
 * An e-mail address, lower-cased. Also unwraps what chat clients make of a typed address:
 * Slack's `<mailto:a@b.nl|a@b.nl>` and a bare `mailto:` link.
 */
export function parseEmailArg(
  command: CommandName,
  raw: string | undefined,
  argument: ArgumentId,
): Parsed<string> {
  if (raw === undefined || raw === '') return missing(command, argument);
  const unwrapped = raw
    .replace(/^<mailto:([^|>]+)(\|[^>]*)?>$/i, '$1')
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase();
  if (!emailSchema.safeParse(unwrapped).success)
    return usageError(command, 'COMMAND.BAD_EMAIL', { value: raw });
  return ok(unwrapped);
}

export const looksLikeEmail = (raw: string): boolean => raw.includes('@');

/** Something the person meant as a date (so a typo is reported as a bad date, not as text). */
export const looksLikeDate = (raw: string): boolean => /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(raw);

export function parseDateArg(
  command: CommandName,
  raw: string | undefined,
  argument: ArgumentId,
): Parsed<LocalDate> {
  if (raw === undefined || raw === '') return missing(command, argument);
  if (!isLocalDate(raw)) return usageError(command, 'COMMAND.BAD_DATE', { value: raw });
  return ok(raw);
}

/** `from` ≤ `to`, both inclusive calendar dates. */
export function checkRange(command: CommandName, from: LocalDate, to: LocalDate): Parsed<void> {
  return from <= to ? ok(undefined) : usageError(command, 'COMMAND.BAD_RANGE', { from, to });
}

const WEEKDAYS: ReadonlyArray<readonly [IsoWeekday, readonly string[]]> = [
  [1, ['ma', 'maandag', 'mon', 'monday', '1']],
  [2, ['di', 'dinsdag', 'tue', 'tues', 'tuesday', '2']],
  [3, ['wo', 'woensdag', 'wed', 'wednesday', '3']],
  [4, ['do', 'donderdag', 'thu', 'thur', 'thurs', 'thursday', '4']],
  [5, ['vr', 'vrijdag', 'fri', 'friday', '5']],
  [6, ['za', 'zaterdag', 'sat', 'saturday', '6']],
  [7, ['zo', 'zondag', 'sun', 'sunday', '7']],
];

/** A weekday as `ma`…`zo`, `mon`…`sun`, full names in either language, or 1–7. */
export function parseWeekday(raw: string): IsoWeekday | null {
  const word = normalizeWord(raw.trim()).replace(/\.$/, '');
  return WEEKDAYS.find(([, names]) => names.includes(word))?.[0] ?? null;
}

/** A comma-separated list of weekdays; `ma-wo` is a range. Sorted and unique. */
export function parseWeekdays(raw: string): IsoWeekday[] | null {
  const days = new Set<IsoWeekday>();
  for (const part of raw.split(',')) {
    const [first, last, ...rest] = part.split('-');
    if (first === undefined || rest.length > 0) return null;
    const from = parseWeekday(first);
    const to = last === undefined ? from : parseWeekday(last);
    if (from === null || to === null || to < from) return null;
    for (let day = from; day <= to; day++) days.add(day as IsoWeekday);
  }
  return [...days].sort((a, b) => a - b);
}

/** Lower-case, no accents, `-` as `_`: `Mentor-Naam` and `mentor_naam` are the same key. */
export const normalizeKey = (key: string): string => normalizeWord(key).replaceAll('-', '_');

/** `key=value` with a key made of letters, digits, `_` and `-`; anything else is not a pair. */
export function splitKeyValue(token: string): { key: string; value: string } | null {
  const match = /^([\p{L}\p{N}_-]+)=(.*)$/su.exec(token);
  return match ? { key: normalizeKey(match[1]!), value: match[2]!.trim() } : null;
}

/** Words such as `bevestig`, `--confirm`, `-skip-invalid` compare without leading dashes. */
export const bareWord = (raw: string): string => normalizeWord(raw).replace(/^-+/, '');
