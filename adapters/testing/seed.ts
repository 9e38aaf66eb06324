import { eq } from 'drizzle-orm';
import type { Db } from '../../src/infra/db/client';
import { goals, people, placements, reports } from '../../src/infra/db/schema';

/** Placements as a coordinator's CSV (the columns of docs/INTERFACES.md), for `TestRuntime.seed`. */
export type SeedPlacement = {
  studentEmail: string;
  studentName: string;
  mentorEmail: string;
  mentorName: string;
  startDate: string;
  endDate: string;
  coordinatorEmail: string;
  coordinatorName: string;
  cohort: string;
};

const HEADER =
  'student_email,student_name,mentor_email,mentor_name,start_date,end_date,coordinator_email,coordinator_name,cohort';

export function placementsCsv(rows: readonly SeedPlacement[]): string {
  const lines = rows.map((row) =>
    [
      row.studentEmail,
      row.studentName,
      row.mentorEmail,
      row.mentorName,
      row.startDate,
      row.endDate,
      row.coordinatorEmail,
      row.coordinatorName,
      row.cohort,
    ].join(','),
  );
  return `${[HEADER, ...lines].join('\n')}\n`;
}

/** The (only) placement of a student. */
export async function placementIdOf(db: Db, studentEmail: string): Promise<string> {
  const [row] = await db
    .select({ id: placements.id })
    .from(placements)
    .innerJoin(people, eq(people.id, placements.studentId))
    .where(eq(people.email, studentEmail.toLowerCase()));
  if (!row) throw new Error(`no placement for ${studentEmail}`);
  return row.id;
}

/** Learning goals are not in the CSV; students' goals are stored per placement. */
export async function addGoal(db: Db, studentEmail: string, text: string): Promise<void> {
  const placementId = await placementIdOf(db, studentEmail);
  const existing = await db.select().from(goals).where(eq(goals.placementId, placementId));
  await db.insert(goals).values({ placementId, position: existing.length, text });
}

export async function reportsOf(db: Db, studentEmail: string) {
  const placementId = await placementIdOf(db, studentEmail);
  return db.select().from(reports).where(eq(reports.placementId, placementId));
}
