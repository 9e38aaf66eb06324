import type { Db } from '../../infra/db/client';
import { audit } from '../../infra/db/repositories/audit';
import { type CsvRowProblem, parsePlacementsCsv } from './parse-csv';
import { savePlacement } from './save-placement';

export type ImportSummary = {
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  problems: CsvRowProblem[];
};

/**
 * Imports a placements CSV. A file with any bad row imports nothing (all problems reported with
 * line numbers) unless `skipInvalid`; valid rows are applied in one transaction.
 */
export async function importPlacements(
  db: Db,
  csv: string,
  options: { actor: string; at: Date; skipInvalid?: boolean },
): Promise<ImportSummary> {
  const parsed = parsePlacementsCsv(csv);
  const summary: ImportSummary = {
    applied: false,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: new Set(parsed.problems.map((p) => p.line)).size,
    problems: parsed.problems,
  };
  if (parsed.problems.length > 0 && !options.skipInvalid) return { ...summary, skipped: 0 };
  if (parsed.rows.length === 0) return summary;

  await db.transaction(async (tx) => {
    for (const row of parsed.rows) {
      const { outcome } = await savePlacement(tx, row.input, options.at);
      summary[outcome]++;
    }
    await audit(tx, {
      at: options.at,
      actor: options.actor,
      action: 'import',
      detail: { created: summary.created, updated: summary.updated, unchanged: summary.unchanged },
    });
  });
  return { ...summary, applied: true };
}
