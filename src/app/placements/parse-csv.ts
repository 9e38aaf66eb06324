import { parse } from 'csv-parse/sync';
import { type FieldProblem, type PlacementInput, parsePlacementFields } from './placement-input';

export type CsvRowProblem = FieldProblem & { line: number };

export type ParsedPlacementsCsv = {
  rows: Array<{ line: number; input: PlacementInput }>;
  problems: CsvRowProblem[];
};

/** Far more than a school's cohort; a bigger file is split, or was never a placements file. */
export const MAX_ROWS = 5000;

const REQUIRED_COLUMNS = [
  'student_email',
  'student_name',
  'mentor_email',
  'mentor_name',
  'start_date',
  'end_date',
];

/** `Student E-mail` → `student_email`, so headers typed by hand in Excel still match. */
const normaliseHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/^e_?mail$/, 'email');

/** Semicolons are what Dutch Excel writes; pick whichever separates the header row more. */
function detectDelimiter(text: string): ',' | ';' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * Parses a placements CSV (docs/INTERFACES.md, "Placements CSV"). Every bad row is reported with its line number (the
 * line in the file, header = line 1); nothing is applied here.
 */
export function parsePlacementsCsv(text: string): ParsedPlacementsCsv {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      columns: (header: string[]) => header.map(normaliseHeader),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }) as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      problems: [{ line, field: '', code: 'CSV.UNREADABLE', value: (error as Error).message }],
    };
  }

  const header = Object.keys(records[0]?.record ?? {});
  const missingColumns = records.length === 0 ? [] : REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (records.length === 0) return { rows: [], problems: [{ line: 1, field: '', code: 'CSV.EMPTY' }] };
  if (records.length > MAX_ROWS) {
    return {
      rows: [],
      problems: [{ line: 1, field: '', code: 'CSV.TOO_MANY_ROWS', value: String(MAX_ROWS) }],
    };
  }
  if (missingColumns.length > 0) {
    return {
      rows: [],
      problems: missingColumns.map((field) => ({ line: 1, field, code: 'CSV.MISSING_COLUMN' })),
    };
  }

  const rows: ParsedPlacementsCsv['rows'] = [];
  const problems: CsvRowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const { value, problems: rowProblems } = parsePlacementFields(record);
    problems.push(...rowProblems.map((problem) => ({ ...problem, line })));
    if (!value) continue;
    const identity = `${value.studentEmail}|${value.cohort ?? ''}|${value.startDate}`;
    const firstLine = seen.get(identity);
    if (firstLine !== undefined) {
      problems.push({ line, field: 'student_email', code: 'CSV.DUPLICATE_ROW', value: String(firstLine) });
      continue;
    }
    seen.set(identity, line);
    rows.push({ line, input: value });
  }
  return { rows, problems };
}
