import type { Locale, Message } from '../messages/model';
import { appTextsFor } from './texts';

/** The outcome of a placements import, as the app reports it. */
export type ImportOutcome = {
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  problems: ReadonlyArray<{ line: number; field: string; code: string; value?: string }>;
};

const MAX_LISTED = 40; // problems; a chat message must stay readable

export function describeCsvProblem(problem: ImportOutcome['problems'][number], locale: Locale): string {
  const t = appTextsFor(locale);
  const value = problem.value ?? '';
  const sentence = (() => {
    switch (problem.code) {
      case 'CSV.MISSING_FIELD':
        return t['csv.MISSING_FIELD'];
      case 'CSV.BAD_EMAIL':
        return t['csv.BAD_EMAIL'](value);
      case 'CSV.BAD_DATE':
        return t['csv.BAD_DATE'](value);
      case 'CSV.END_BEFORE_START':
        return t['csv.END_BEFORE_START'];
      case 'CSV.BAD_WORKING_DAYS':
        return t['csv.BAD_WORKING_DAYS'](value);
      case 'CSV.BAD_LOCALE':
        return t['csv.BAD_LOCALE'](value);
      case 'CSV.DUPLICATE_ROW':
        return t['csv.DUPLICATE_ROW'](value);
      case 'CSV.MISSING_COLUMN':
        return t['csv.MISSING_COLUMN'];
      case 'CSV.EMPTY':
        return t['csv.EMPTY'];
      case 'ACCESS.COHORT_NOT_YOURS':
        return t['csv.COHORT_NOT_YOURS'](value);
      case 'ACCESS.NEEDS_ALL_COHORTS':
        return t['csv.NEEDS_ALL_COHORTS'](value);
      case 'ACCESS.STUDENT_NOT_YOURS':
        return t['csv.STUDENT_NOT_YOURS'](value);
      case 'CSV.TOO_MANY_ROWS':
        return t['csv.TOO_MANY_ROWS'](value);
      case 'CSV.FIELD_TOO_LONG':
        return t['csv.FIELD_TOO_LONG'](value);
      case 'CSV.TOO_LONG_PLACEMENT':
        return t['csv.TOO_LONG_PLACEMENT'];
      case 'CSV.DATE_OUT_OF_RANGE':
        return t['csv.DATE_OUT_OF_RANGE'](value);
      default:
        return t['csv.UNREADABLE'](value);
    }
  })();
  return t['import.problem'](problem.line, problem.field, sentence);
}

export function renderImportSummary(outcome: ImportOutcome, locale: Locale): Message {
  const t = appTextsFor(locale);
  const lines = outcome.problems.slice(0, MAX_LISTED).map((problem) => describeCsvProblem(problem, locale));
  if (outcome.problems.length > MAX_LISTED) lines.push(`… (+${outcome.problems.length - MAX_LISTED})`);
  const headline = outcome.applied
    ? t['import.result'](outcome.created, outcome.updated, outcome.unchanged)
    : t['import.rejected'](outcome.problems.length);
  return {
    key: outcome.applied ? 'import.applied' : 'import.rejected',
    summary: headline,
    blocks: [
      { type: 'text', text: t['import.heading'], style: 'heading' },
      { type: 'text', text: headline },
      ...(outcome.applied && outcome.skipped > 0
        ? [{ type: 'text' as const, text: t['import.skipped'](outcome.skipped) }]
        : []),
      ...(lines.length > 0 ? [{ type: 'text' as const, text: lines.join('\n') }] : []),
    ],
  };
}
