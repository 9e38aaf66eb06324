import { z } from 'zod';
import type { Locale } from '../../core/messages/model';
import { type IsoWeekday, isLocalDate, type LocalDate } from '../../core/shared/dates';

/** One placement as a coordinator describes it (a CSV row or the `add` command). */
export type PlacementInput = {
  studentEmail: string;
  studentName: string;
  mentors: Array<{ email: string; name: string | null }>;
  coordinator: { email: string; name: string | null } | null;
  cohort: string | null;
  organisation: string | null;
  startDate: LocalDate;
  endDate: LocalDate;
  introDate: LocalDate | null;
  midEvaluationDate: LocalDate | null;
  finalEvaluationDate: LocalDate | null;
  workingDays: IsoWeekday[] | null;
  locale: Locale | null;
};

export type FieldProblem = { field: string; code: string; value?: string };

const DAY_NAMES: Record<string, IsoWeekday> = {
  ma: 1,
  mon: 1,
  maandag: 1,
  monday: 1,
  di: 2,
  tue: 2,
  dinsdag: 2,
  tuesday: 2,
  wo: 3,
  wed: 3,
  woensdag: 3,
  wednesday: 3,
  do: 4,
  thu: 4,
  donderdag: 4,
  thursday: 4,
  vr: 5,
  fri: 5,
  vrijdag: 5,
  friday: 5,
  za: 6,
  sat: 6,
  zaterdag: 6,
  saturday: 6,
  zo: 7,
  sun: 7,
  zondag: 7,
  sunday: 7,
};

/** `ma,di,wo` or `mon,tue,wed` (also `ma-wo`) → ISO weekdays; null when unreadable. */
export function parseWorkingDays(value: string): IsoWeekday[] | null {
  const days = new Set<IsoWeekday>();
  for (const part of value
    .toLowerCase()
    .split(/[,\s/]+/)
    .filter(Boolean)) {
    const range = part.split('-');
    if (range.length === 2) {
      const from = DAY_NAMES[range[0] as string];
      const to = DAY_NAMES[range[1] as string];
      if (!from || !to || from > to) return null;
      for (let d = from; d <= to; d++) days.add(d as IsoWeekday);
      continue;
    }
    const day = DAY_NAMES[part];
    if (!day) return null;
    days.add(day);
  }
  return days.size > 0 ? [...days].sort() : null;
}

const email = z.string().trim().toLowerCase().pipe(z.email());

/** Longer than any real name, e-mail address or organisation. */
export const MAX_FIELD_LENGTH = 200;
/** A placement longer than this is a typo (a year 2207 for 2027). */
export const MAX_PLACEMENT_YEARS = 5;
const EARLIEST_DATE = '2000-01-01';
const LATEST_DATE = '2100-12-31';

/** `YYYY-MM-DD` plus whole years (29 February becomes 1 March when needed: comparison only). */
function addYears(date: LocalDate, years: number): LocalDate {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}` as LocalDate;
}

/** The same date rules for a chat `add` as for a CSV row. */
export function placementDatesProblem(
  startDate: LocalDate,
  endDate: LocalDate,
): 'CSV.DATE_OUT_OF_RANGE' | 'CSV.TOO_LONG_PLACEMENT' | null {
  for (const date of [startDate, endDate])
    if (date < EARLIEST_DATE || date > LATEST_DATE) return 'CSV.DATE_OUT_OF_RANGE';
  return endDate > addYears(startDate, MAX_PLACEMENT_YEARS) ? 'CSV.TOO_LONG_PLACEMENT' : null;
}

/**
 * Validates a raw field map (CSV header names) into a PlacementInput, collecting every problem
 * instead of stopping at the first, so a coordinator can fix a whole row at once.
 */
export function parsePlacementFields(raw: Record<string, string | undefined>): {
  value: PlacementInput | null;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  // Hostile or broken files: an over-long field is reported and not used.
  for (const [field, value] of Object.entries(raw)) {
    if ((value?.length ?? 0) > MAX_FIELD_LENGTH) {
      problems.push({ field, code: 'CSV.FIELD_TOO_LONG', value: String(MAX_FIELD_LENGTH) });
    }
  }
  const get = (field: string) => {
    const value = raw[field]?.trim() || '';
    return value.length > MAX_FIELD_LENGTH ? '' : value;
  };

  const required = ['student_email', 'student_name', 'mentor_email', 'start_date', 'end_date'] as const;
  for (const field of required) if (!get(field)) problems.push({ field, code: 'CSV.MISSING_FIELD' });

  const checkEmail = (field: string, value: string): string | null => {
    const parsed = email.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push({ field, code: 'CSV.BAD_EMAIL', value });
    return null;
  };
  const checkDate = (field: string): LocalDate | null => {
    const value = get(field);
    if (!value) return null;
    if (!isLocalDate(value)) {
      problems.push({ field, code: 'CSV.BAD_DATE', value });
      return null;
    }
    if (value < EARLIEST_DATE || value > LATEST_DATE) {
      problems.push({ field, code: 'CSV.DATE_OUT_OF_RANGE', value });
      return null;
    }
    return value;
  };

  const studentEmail = get('student_email') ? checkEmail('student_email', get('student_email')) : null;
  const mentorEmails = get('mentor_email')
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean);
  const mentorNames = get('mentor_name')
    .split('|')
    .map((part) => part.trim());
  const mentors = mentorEmails.flatMap((value, index) => {
    const checked = checkEmail('mentor_email', value);
    return checked ? [{ email: checked, name: mentorNames[index] || null }] : [];
  });
  const coordinatorEmail = get('coordinator_email')
    ? checkEmail('coordinator_email', get('coordinator_email'))
    : null;

  const startDate = checkDate('start_date');
  const endDate = checkDate('end_date');
  if (startDate && endDate && endDate < startDate) {
    problems.push({ field: 'end_date', code: 'CSV.END_BEFORE_START', value: endDate });
  } else if (startDate && endDate && endDate > addYears(startDate, MAX_PLACEMENT_YEARS)) {
    // Years of daily check-ins and monthly reports from one typo: refuse, do not schedule.
    problems.push({ field: 'end_date', code: 'CSV.TOO_LONG_PLACEMENT', value: endDate });
  }
  const introDate = checkDate('intro_date');
  const midEvaluationDate = checkDate('mid_evaluation_date');
  const finalEvaluationDate = checkDate('final_evaluation_date');

  let workingDays: IsoWeekday[] | null = null;
  if (get('working_days')) {
    workingDays = parseWorkingDays(get('working_days'));
    if (!workingDays)
      problems.push({ field: 'working_days', code: 'CSV.BAD_WORKING_DAYS', value: get('working_days') });
  }

  let locale: Locale | null = null;
  const localeRaw = get('locale').toLowerCase();
  if (localeRaw) {
    if (localeRaw === 'nl' || localeRaw === 'en') locale = localeRaw;
    else problems.push({ field: 'locale', code: 'CSV.BAD_LOCALE', value: get('locale') });
  }

  if (problems.length > 0 || !studentEmail || !startDate || !endDate || mentors.length === 0) {
    return { value: null, problems };
  }
  return {
    value: {
      studentEmail,
      studentName: get('student_name'),
      mentors,
      coordinator: coordinatorEmail
        ? { email: coordinatorEmail, name: get('coordinator_name') || null }
        : null,
      cohort: get('cohort') || null,
      organisation: get('organisation') || null,
      startDate,
      endDate,
      introDate,
      midEvaluationDate,
      finalEvaluationDate,
      workingDays,
      locale,
    },
    problems,
  };
}
