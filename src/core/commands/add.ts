import { parseLocale } from '../messages/texts';
import { ok } from '../shared/result';
import { suggestClosest } from './suggest';
import type { AddPlacementArgs, ArgumentId } from './types';
import {
  checkRange,
  missing,
  type Parsed,
  parseDateArg,
  parseEmailArg,
  parseWeekdays,
  splitKeyValue,
  usageError,
} from './values';

type AddField =
  | 'student'
  | 'name'
  | 'mentor'
  | 'mentorNames'
  | 'start'
  | 'end'
  | 'cohort'
  | 'organisation'
  | 'coordinator'
  | 'intro'
  | 'midterm'
  | 'final'
  | 'workingDays'
  | 'locale';

/** Key words per field: Dutch, English, and the placements-CSV column names, so both forms work. */
const ADD_KEYS: Record<AddField, readonly string[]> = {
  student: ['student', 'stagiair', 'student_email'],
  name: ['naam', 'name', 'student_name', 'student_naam'],
  mentor: ['mentor', 'mentors', 'mentor_email', 'begeleider'],
  mentorNames: ['mentornaam', 'mentor_name', 'mentor_naam'],
  start: ['start', 'begin', 'start_date', 'startdatum'],
  end: ['eind', 'end', 'end_date', 'einddatum'],
  cohort: ['cohort', 'klas'],
  organisation: ['organisatie', 'organisation', 'organization', 'org', 'bedrijf'],
  coordinator: ['coordinator', 'coordinator_email'],
  intro: ['kennismaking', 'intro', 'intro_date'],
  midterm: ['tussenevaluatie', 'midterm', 'mid_evaluation_date'],
  final: ['eindbeoordeling', 'final', 'final_evaluation_date'],
  workingDays: ['werkdagen', 'working_days'],
  locale: ['taal', 'locale', 'language'],
};

const FIELD_BY_KEY = new Map<string, AddField>(
  (Object.entries(ADD_KEYS) as [AddField, readonly string[]][]).flatMap(([field, keys]) =>
    keys.map((key) => [key, field] as const),
  ),
);

const ALL_KEYS = [...FIELD_BY_KEY.keys()];

/** Several e-mails or names are separated by `|` (as in the CSV); a comma works for e-mails too. */
const splitList = (raw: string, separators: RegExp): string[] =>
  raw
    .split(separators)
    .map((part) => part.trim())
    .filter((part) => part !== '');

export function parseAddArgs(tokens: readonly string[]): Parsed<AddPlacementArgs> {
  const values = new Map<AddField, string>();
  /** The key as typed, so an error names it the way the person wrote it. */
  const typedKeys = new Map<AddField, string>();
  for (const token of tokens) {
    const pair = splitKeyValue(token);
    if (!pair) return usageError('add', 'COMMAND.UNEXPECTED_ARGUMENT', { value: token });
    const field = FIELD_BY_KEY.get(pair.key);
    if (!field) {
      const suggestion = suggestClosest(pair.key, ALL_KEYS);
      return usageError('add', 'COMMAND.UNKNOWN_KEY', {
        key: pair.key,
        ...(suggestion ? { suggestion } : {}),
      });
    }
    if (typedKeys.has(field)) return usageError('add', 'COMMAND.DUPLICATE_KEY', { key: pair.key });
    typedKeys.set(field, pair.key);
    if (pair.value !== '') values.set(field, pair.value);
  }

  const required = (field: AddField, argument: ArgumentId): Parsed<string> => {
    const value = values.get(field);
    return value === undefined ? missing('add', argument) : ok(value);
  };
  const optionalDate = (field: AddField): Parsed<string | null> => {
    const value = values.get(field);
    return value === undefined ? ok(null) : parseDateArg('add', value, 'start');
  };

  const studentEmail = parseEmailArg('add', values.get('student'), 'student');
  if (!studentEmail.ok) return studentEmail;
  const studentName = required('name', 'name');
  if (!studentName.ok) return studentName;

  const mentorRaw = required('mentor', 'mentor');
  if (!mentorRaw.ok) return mentorRaw;
  const mentorEmails: string[] = [];
  for (const raw of splitList(mentorRaw.value, /[|,;]/)) {
    const email = parseEmailArg('add', raw, 'mentor');
    if (!email.ok) return email;
    if (!mentorEmails.includes(email.value)) mentorEmails.push(email.value);
  }
  if (mentorEmails.length === 0) return missing('add', 'mentor');

  const startDate = parseDateArg('add', values.get('start'), 'start');
  if (!startDate.ok) return startDate;
  const endDate = parseDateArg('add', values.get('end'), 'end');
  if (!endDate.ok) return endDate;
  const range = checkRange('add', startDate.value, endDate.value);
  if (!range.ok) return range;

  const coordinatorRaw = values.get('coordinator');
  const coordinatorEmail =
    coordinatorRaw === undefined ? ok(null) : parseEmailArg('add', coordinatorRaw, 'email');
  if (!coordinatorEmail.ok) return coordinatorEmail;

  const introDate = optionalDate('intro');
  if (!introDate.ok) return introDate;
  const midEvaluationDate = optionalDate('midterm');
  if (!midEvaluationDate.ok) return midEvaluationDate;
  const finalEvaluationDate = optionalDate('final');
  if (!finalEvaluationDate.ok) return finalEvaluationDate;

  const workingDaysRaw = values.get('workingDays');
  const workingDays = workingDaysRaw === undefined ? null : parseWeekdays(workingDaysRaw);
  if (workingDaysRaw !== undefined && workingDays === null) {
    return usageError('add', 'COMMAND.BAD_VALUE', {
      key: typedKeys.get('workingDays') ?? 'werkdagen',
      value: workingDaysRaw,
      expected: 'weekdays',
    });
  }

  const localeRaw = values.get('locale');
  const locale = localeRaw === undefined ? null : parseLocale(localeRaw);
  if (localeRaw !== undefined && locale === null) {
    return usageError('add', 'COMMAND.BAD_VALUE', {
      key: typedKeys.get('locale') ?? 'taal',
      value: localeRaw,
      expected: 'locale',
    });
  }

  return ok({
    studentEmail: studentEmail.value,
    studentName: studentName.value,
    mentorEmails,
    mentorNames: splitList(values.get('mentorNames') ?? '', /\|/),
    startDate: startDate.value,
    endDate: endDate.value,
    cohort: values.get('cohort') ?? null,
    organisation: values.get('organisation') ?? null,
    coordinatorEmail: coordinatorEmail.value,
    introDate: introDate.value,
    midEvaluationDate: midEvaluationDate.value,
    finalEvaluationDate: finalEvaluationDate.value,
    workingDays,
    locale,
  });
}
