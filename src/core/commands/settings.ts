import { escalationPolicySchema } from '../escalation/policy';
import { cohortSettingsSchema } from '../shared/cohort';
import { addLocalDays, daysBetween, isLocalDate, type LocalDate } from '../shared/dates';
import { ok } from '../shared/result';
import { suggestClosest } from './suggest';
import type { CohortSettingsPatch, ExpectedValue } from './types';
import { type Parsed, parseWeekday, splitKeyValue, usageError } from './values';

export type SettingKey =
  | 'checkin_day'
  | 'checkin_time'
  | 'digest_day'
  | 'digest_time'
  | 'grace_days'
  | 'substitute_days'
  | 'insufficient_at'
  | 'closed_dates'
  | 'timezone'
  | 'retention_months'
  | 'hand_in_from_day';

export type SettingSpec = {
  key: SettingKey;
  /** The Dutch name of the key; both are accepted. */
  nl: string;
  expected: ExpectedValue;
  /** Whole-number bounds, mirrored from the zod schemas (settings.test.ts keeps them in step). */
  min?: number;
  max?: number;
  /** The patch fragment for a raw value, or null when the value is not valid. */
  parse: (raw: string) => CohortSettingsPatch | null;
};

const shape = cohortSettingsSchema.shape;
const policy = escalationPolicySchema.shape;

/** `9:00` and `9.00` (Dutch notation) become `09:00`. */
function normalizeTime(raw: string): string {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(raw);
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : raw;
}

function parseTimeValue(raw: string): string | null {
  const parsed = shape.checkinTime.safeParse(normalizeTime(raw));
  return parsed.success ? parsed.data : null;
}

function parseInteger(
  raw: string,
  schema: { safeParse(value: unknown): { success: boolean } },
): number | null {
  if (!/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return schema.safeParse(value).success ? value : null;
}

/** Longest range `a..b` we expand: a school year; longer is surely a typo. */
const MAX_RANGE_DAYS = 366;

/**
 * Comma-separated dates; `a..b` is an inclusive range (a school holiday week). `geen`/`none`
 * clears the list. The result replaces the cohort's list, sorted and unique.
 */
function parseClosedDates(raw: string): LocalDate[] | null {
  if (['', 'geen', 'none', '-'].includes(raw.toLowerCase())) return [];
  const dates = new Set<LocalDate>();
  for (const part of raw.split(',').map((p) => p.trim())) {
    const [from, to, ...rest] = part.split('..');
    if (from === undefined || rest.length > 0 || !isLocalDate(from)) return null;
    const last = to ?? from;
    if (!isLocalDate(last) || last < from || daysBetween(from, last) > MAX_RANGE_DAYS) return null;
    for (let date = from; date <= last; date = addLocalDays(date, 1)) dates.add(date);
  }
  return [...dates].sort();
}

function weekdayPatch(field: 'checkinWeekday' | 'digestWeekday') {
  return (raw: string): CohortSettingsPatch | null => {
    const day = parseWeekday(raw);
    return day === null ? null : { [field]: day };
  };
}

function timePatch(field: 'checkinTime' | 'digestTime') {
  return (raw: string): CohortSettingsPatch | null => {
    const time = parseTimeValue(raw);
    return time === null ? null : { [field]: time };
  };
}

export const SETTING_SPECS: readonly SettingSpec[] = [
  { key: 'checkin_day', nl: 'checkin_dag', expected: 'weekday', parse: weekdayPatch('checkinWeekday') },
  { key: 'checkin_time', nl: 'checkin_tijd', expected: 'time', parse: timePatch('checkinTime') },
  { key: 'digest_day', nl: 'digest_dag', expected: 'weekday', parse: weekdayPatch('digestWeekday') },
  { key: 'digest_time', nl: 'digest_tijd', expected: 'time', parse: timePatch('digestTime') },
  {
    key: 'grace_days',
    nl: 'respijt_dagen',
    expected: 'integer',
    min: 0,
    max: 30,
    parse: (raw) => {
      const graceDays = parseInteger(raw, policy.graceDays);
      return graceDays === null ? null : { escalation: { graceDays } };
    },
  },
  {
    key: 'substitute_days',
    nl: 'vervang_dagen',
    expected: 'integer',
    min: 1,
    max: 90,
    parse: (raw) => {
      const substituteDueDays = parseInteger(raw, policy.substituteDueDays);
      return substituteDueDays === null ? null : { escalation: { substituteDueDays } };
    },
  },
  {
    key: 'insufficient_at',
    nl: 'onvoldoende_bij',
    expected: 'integer',
    min: 1,
    max: 20,
    parse: (raw) => {
      const insufficientAt = parseInteger(raw, policy.insufficientAt);
      return insufficientAt === null ? null : { escalation: { insufficientAt } };
    },
  },
  {
    key: 'closed_dates',
    nl: 'sluitingsdagen',
    expected: 'dates',
    parse: (raw) => {
      const closedDates = parseClosedDates(raw);
      return closedDates === null ? null : { closedDates };
    },
  },
  {
    key: 'timezone',
    nl: 'tijdzone',
    expected: 'timezone',
    parse: (raw) => (shape.timezone.safeParse(raw).success ? { timezone: raw } : null),
  },
  {
    key: 'retention_months',
    nl: 'bewaar_maanden',
    expected: 'integer',
    min: 1,
    max: 120,
    parse: (raw) => {
      const retentionMonths = parseInteger(raw, shape.retentionMonths);
      return retentionMonths === null ? null : { retentionMonths };
    },
  },
  {
    key: 'hand_in_from_day',
    nl: 'inleveren_vanaf_dag',
    expected: 'integer',
    min: 1,
    max: 28,
    parse: (raw) => {
      const handInFromDay = parseInteger(raw, shape.handInFromDay);
      return handInFromDay === null ? null : { handInFromDay };
    },
  },
];

const SETTING_WORDS = SETTING_SPECS.flatMap((spec) => [spec.key, spec.nl]);

function findSetting(key: string): SettingSpec | null {
  return SETTING_SPECS.find((spec) => spec.key === key || spec.nl === key) ?? null;
}

/** `key=value …` pairs of `instellingen` into one typed patch; every key at most once. */
export function parseSettingsPatch(tokens: readonly string[]): Parsed<CohortSettingsPatch> {
  let patch: CohortSettingsPatch = {};
  const seen = new Set<SettingKey>();
  for (const token of tokens) {
    const pair = splitKeyValue(token);
    if (!pair) return usageError('settings', 'COMMAND.UNEXPECTED_ARGUMENT', { value: token });
    const spec = findSetting(pair.key);
    if (!spec) {
      const suggestion = suggestClosest(pair.key, SETTING_WORDS);
      return usageError('settings', 'COMMAND.UNKNOWN_KEY', {
        key: pair.key,
        ...(suggestion ? { suggestion } : {}),
      });
    }
    if (seen.has(spec.key)) return usageError('settings', 'COMMAND.DUPLICATE_KEY', { key: pair.key });
    seen.add(spec.key);
    const fragment = spec.parse(pair.value);
    if (fragment === null) {
      return usageError('settings', 'COMMAND.BAD_VALUE', {
        key: pair.key,
        value: pair.value,
        expected: spec.expected,
        ...(spec.min === undefined ? {} : { min: spec.min }),
        ...(spec.max === undefined ? {} : { max: spec.max }),
      });
    }
    patch = {
      ...patch,
      ...fragment,
      ...(patch.escalation || fragment.escalation
        ? { escalation: { ...patch.escalation, ...fragment.escalation } }
        : {}),
    };
  }
  return ok(patch);
}
