import { checkPlacementRowIn, type Reach } from '../access/reach';
import { DEFAULT_COHORT_NAME } from '../stores/cohort-store';
import type { StoreAccess, Stores } from '../stores/stores';
import { type CsvRowProblem, parsePlacementsCsv } from './parse-csv';

export type ImportSummary = {
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  problems: CsvRowProblem[];
};

type ImportOptions = {
  actor: string;
  /** The actor's cohorts (`[null]` = all: the CLI operator). Every row is checked before any is applied. */
  reach: Reach;
  at: Date;
  skipInvalid?: boolean;
  /** Time zone of cohorts the file creates (STAGECOACH_TIMEZONE); existing cohorts keep theirs. */
  cohortTimezone?: string;
};

/**
 * Imports a placements CSV. A file with any bad row imports nothing (all problems reported with
 * line numbers) unless `skipInvalid`; valid rows are applied in one transaction.
 */
export async function importPlacements(
  from: StoreAccess,
  csv: string,
  options: ImportOptions,
): Promise<ImportSummary> {
  return from.transaction((stores) => applyPlacementsCsv(stores, csv, options));
}

/** The same, inside a transaction the caller holds (the chat `import` command). */
export async function applyPlacementsCsv(
  stores: Stores,
  csv: string,
  options: ImportOptions,
): Promise<ImportSummary> {
  const parsed = parsePlacementsCsv(csv);
  const invalidLines = new Set(parsed.problems.map((p) => p.line)).size;
  const summary: ImportSummary = {
    applied: false,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: options.skipInvalid ? invalidLines : 0,
    problems: parsed.problems,
  };
  if (parsed.problems.length > 0 && !options.skipInvalid) return summary;
  if (parsed.rows.length === 0) return summary;

  // Access is checked for every row before anything is written, and is never skippable: a file
  // that reaches outside the actor's cohorts imports nothing at all.
  const refused: CsvRowProblem[] = [];
  for (const row of parsed.rows) {
    const refusal = await checkPlacementRowIn(stores, options.reach, row.input);
    if (refusal) {
      const value =
        refusal === 'ACCESS.STUDENT_NOT_YOURS'
          ? row.input.studentEmail
          : refusal === 'ACCESS.NEEDS_ALL_COHORTS' && row.input.coordinator
            ? row.input.coordinator.email
            : (row.input.cohort ?? DEFAULT_COHORT_NAME);
      refused.push({ line: row.line, field: 'cohort', code: refusal, value });
    }
  }
  if (refused.length > 0) return { ...summary, skipped: 0, problems: [...parsed.problems, ...refused] };

  const newCohort = options.cohortTimezone ? { timezone: options.cohortTimezone } : {};
  const saved = await stores.placements.save(
    parsed.rows.map((row) => row.input),
    options.at,
    newCohort,
  );
  for (const { outcome } of saved) summary[outcome]++;
  await stores.audit.record({
    at: options.at,
    actor: options.actor,
    action: 'import',
    detail: { created: summary.created, updated: summary.updated, unchanged: summary.unchanged },
  });
  return { ...summary, applied: true };
}
