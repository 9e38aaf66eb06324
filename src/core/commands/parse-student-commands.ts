import { ok } from '../shared/result';
import { normalizeWord } from './table';
import type { Command, CommandName, ExcuseTarget } from './types';
import {
  bareWord,
  checkRange,
  looksLikeDate,
  missing,
  type Parsed,
  parseDateArg,
  parseEmailArg,
  usageError,
} from './values';

/** Commands about one student: `<command> <student-email> …`. */

export function noMore(command: CommandName, rest: readonly string[]): Parsed<void> {
  const [extra] = rest;
  return extra === undefined
    ? ok(undefined)
    : usageError(command, 'COMMAND.UNEXPECTED_ARGUMENT', { value: extra });
}

/** Free text at the end; a leading `reden`/`reason` (also `reden:` or `reden=`) is only a label. */
function freeText(rest: readonly string[]): string | null {
  const [first, ...others] = rest;
  if (first === undefined) return null;
  const label = /^(reden|reason)[:=]?(.*)$/isu.exec(first);
  const words = label ? [label[2]!, ...others] : [first, ...others];
  const text = words.join(' ').trim();
  return text === '' ? null : text;
}

function parsePause(args: readonly string[]): Parsed<Command> {
  const [emailRaw, fromRaw, maybeUntil, ...rest] = args;
  const studentEmail = parseEmailArg('pause', emailRaw, 'student-email');
  if (!studentEmail.ok) return studentEmail;
  const from = parseDateArg('pause', fromRaw, 'from-date');
  if (!from.ok) return from;
  let until = null;
  let reasonWords = maybeUntil === undefined ? [] : [maybeUntil, ...rest];
  if (maybeUntil !== undefined && looksLikeDate(maybeUntil)) {
    const parsed = parseDateArg('pause', maybeUntil, 'from-date');
    if (!parsed.ok) return parsed;
    const range = checkRange('pause', from.value, parsed.value);
    if (!range.ok) return range;
    until = parsed.value;
    reasonWords = rest;
  }
  return ok({
    type: 'pause',
    studentEmail: studentEmail.value,
    from: from.value,
    until,
    reason: freeText(reasonWords),
  });
}

function parseResume(args: readonly string[]): Parsed<Command> {
  const [emailRaw, dateRaw, ...rest] = args;
  const studentEmail = parseEmailArg('resume', emailRaw, 'student-email');
  if (!studentEmail.ok) return studentEmail;
  const on = dateRaw === undefined ? ok(null) : parseDateArg('resume', dateRaw, 'from-date');
  if (!on.ok) return on;
  const done = noMore('resume', rest);
  if (!done.ok) return done;
  return ok({ type: 'resume', studentEmail: studentEmail.value, on: on.value });
}

const INTRO_WORDS = ['kennismaking', 'kennismakingsverslag', 'intro'];
const MIDTERM_WORDS = ['tussenevaluatie', 'tussentijds', 'midterm', 'mid-term', 'mid'];

function parseExcuseTarget(raw: string | undefined): Parsed<ExcuseTarget> {
  if (raw === undefined) return missing('excuse', 'report');
  if (looksLikeDate(raw)) {
    const dueDate = parseDateArg('excuse', raw, 'report');
    return dueDate.ok ? ok({ kind: 'due-date', dueDate: dueDate.value }) : dueDate;
  }
  const word = normalizeWord(raw);
  if (INTRO_WORDS.includes(word)) return ok({ kind: 'intro' });
  if (MIDTERM_WORDS.includes(word)) return ok({ kind: 'midterm' });
  return usageError('excuse', 'COMMAND.USAGE', { value: raw });
}

function parseExcuse(args: readonly string[]): Parsed<Command> {
  const [emailRaw, reportRaw, ...rest] = args;
  const studentEmail = parseEmailArg('excuse', emailRaw, 'student-email');
  if (!studentEmail.ok) return studentEmail;
  const report = parseExcuseTarget(reportRaw);
  if (!report.ok) return report;
  return ok({
    type: 'excuse',
    studentEmail: studentEmail.value,
    report: report.value,
    reason: freeText(rest),
  });
}

function parseSubstitute(args: readonly string[]): Parsed<Command> {
  const [emailRaw, ...rest] = args;
  const studentEmail = parseEmailArg('substitute', emailRaw, 'student-email');
  if (!studentEmail.ok) return studentEmail;
  const text = rest.join(' ').trim();
  if (text === '') return missing('substitute', 'text');
  return ok({ type: 'substitute', studentEmail: studentEmail.value, text });
}

function parseCheckOff(args: readonly string[]): Parsed<Command> {
  const [emailRaw, dateRaw, ...rest] = args;
  const studentEmail = parseEmailArg('check-off', emailRaw, 'student-email');
  if (!studentEmail.ok) return studentEmail;
  const reportDueDate = dateRaw === undefined ? ok(null) : parseDateArg('check-off', dateRaw, 'report');
  if (!reportDueDate.ok) return reportDueDate;
  const done = noMore('check-off', rest);
  if (!done.ok) return done;
  return ok({ type: 'check-off', studentEmail: studentEmail.value, reportDueDate: reportDueDate.value });
}

const CONFIRM_WORDS = ['bevestig', 'bevestigen', 'confirm'];

function parseErase(args: readonly string[]): Parsed<Command> {
  const [emailRaw, confirmation, ...rest] = args;
  const studentEmail = parseEmailArg('erase', emailRaw, 'student-email');
  if (!studentEmail.ok) return studentEmail;
  if (confirmation === undefined || !CONFIRM_WORDS.includes(bareWord(confirmation))) {
    return usageError('erase', 'COMMAND.NEEDS_CONFIRMATION', { email: studentEmail.value });
  }
  const done = noMore('erase', rest);
  if (!done.ok) return done;
  return ok({ type: 'erase', studentEmail: studentEmail.value, confirmed: true });
}

/** `remind` and `reset` take exactly one student e-mail. */
function parseEmailOnly(type: 'remind' | 'reset', args: readonly string[]): Parsed<Command> {
  const [emailRaw, ...rest] = args;
  const studentEmail = parseEmailArg(type, emailRaw, 'student-email');
  if (!studentEmail.ok) return studentEmail;
  const done = noMore(type, rest);
  if (!done.ok) return done;
  return ok({ type, studentEmail: studentEmail.value });
}

export const studentCommandParsers = {
  pause: parsePause,
  resume: parseResume,
  excuse: parseExcuse,
  substitute: parseSubstitute,
  'check-off': parseCheckOff,
  remind: (args: readonly string[]) => parseEmailOnly('remind', args),
  erase: parseErase,
  reset: (args: readonly string[]) => parseEmailOnly('reset', args),
} satisfies Partial<Record<CommandName, (args: readonly string[]) => Parsed<Command>>>;
