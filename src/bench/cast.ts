import { sql } from 'drizzle-orm';
import { TEAM } from '../../adapters/slack/fixtures/payloads';
import type { Db } from '../infra/db/client';

/**
 * The bench's school: N students, a school mentor per 20 students and a coordinator per 100
 * (one cohort each), as the 1,000-placement measurement had (10 coordinators, 50
 * mentors). Placements run February to early July 2027.
 */
export const STUDENTS_PER_MENTOR = 20;
export const STUDENTS_PER_COORDINATOR = 100;

/** Placements `from` … `from + count - 1` of the school, as a CSV file. */
export function placementsCsv(count: number, from = 0): string {
  const rows = [
    'student_email,student_name,mentor_email,mentor_name,start_date,end_date,coordinator_email,cohort',
  ];
  for (let i = from; i < from + count; i++) {
    const mentor = Math.floor(i / STUDENTS_PER_MENTOR);
    const coordinator = Math.floor(i / STUDENTS_PER_COORDINATOR);
    rows.push(
      `student${i}@school.nl,Student ${i},mentor${mentor}@zorg.nl,Mentor ${mentor},2027-02-01,2027-07-02,coord${coordinator}@school.nl,Bench ${coordinator}`,
    );
  }
  return rows.join('\n');
}

/** Slack user id of a student in the bench's workspace. */
export const slackUserOf = (student: number): string => `UB${String(student).padStart(6, '0')}`;

/** Everyone gets a Slack account in one statement: students by number, staff by e-mail. */
export async function linkEveryoneToSlack(db: Db, at: Date): Promise<void> {
  await db.execute(sql`
    insert into identities (person_id, platform, tenant, platform_user_id, linked_at)
    select id, 'slack', ${TEAM},
      case when email like 'student%@school.nl'
        then 'UB' || lpad(substring(email from 'student([0-9]+)@'), 6, '0')
        else 'US' || substr(md5(email), 1, 10) end,
      ${at.toISOString()}::timestamptz
    from people`);
}

/** Person ids of school mentors and coordinators (staff), to count their messages. */
export async function staffIds(db: Db): Promise<{ mentors: Set<string>; coordinators: Set<string> }> {
  const rows = await db.execute<{ id: string; role: string }>(sql`
    select distinct person_id as id, 'mentor' as role from placement_mentors
    union select distinct person_id as id, 'coordinator' as role from coordinators`);
  const list = rowsOf<{ id: string; role: string }>(rows);
  return {
    mentors: new Set(list.filter((r) => r.role === 'mentor').map((r) => r.id)),
    coordinators: new Set(list.filter((r) => r.role === 'coordinator').map((r) => r.id)),
  };
}

/** `db.execute` answers an array (postgres.js) or `{ rows }` (PGlite). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
