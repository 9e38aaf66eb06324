import { eq, getTableColumns, gte, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { PlacementBundle, PlacementFilter } from '../../../app/stores/placement-records';
import type { Queryable } from '../client';
import {
  checkins,
  coordinators,
  goals,
  pauses,
  people,
  placementMentors,
  placements,
  reports,
  substitutes,
} from '../schema';
import { type Cohort, findCohortById } from './cohorts';

/** The records are the app's domain types; drizzle's rows must stay assignable to them. */
export type {
  CheckinRecord as CheckinRow,
  PlacementBundle,
  PlacementFilter,
  PlacementRecord as PlacementRow,
  ReportRecord as ReportRow,
  SubstituteRecord as SubstituteRow,
} from '../../../app/stores/placement-records';

export { scheduleOf } from '../../../app/stores/placement-records';

/** A `json_agg` of whole rows of `table` back into drizzle's typed rows (the columns' own mappers). */
function rowsOfJson<T extends PgTable>(table: T, value: unknown): T['$inferSelect'][] {
  const list = (typeof value === 'string' ? JSON.parse(value) : value) as Array<
    Record<string, unknown>
  > | null;
  if (!list || list.length === 0) return [];
  const columns = Object.entries(getTableColumns(table));
  return list.map((json) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const raw = json[column.name];
      row[key] = raw === null || raw === undefined ? null : column.mapFromDriverValue(raw);
    }
    return row as T['$inferSelect'];
  });
}

/** The rows of `table` that belong to the outer placement, as one json array (`order` keeps the order). */
const childRows = (table: PgTable, placementId: PgColumn, order?: PgColumn): SQL =>
  order
    ? sql`(select coalesce(json_agg(${table} order by ${order}), '[]'::json) from ${table} where ${placementId} = ${placements.id})`
    : sql`(select coalesce(json_agg(${table}), '[]'::json) from ${table} where ${placementId} = ${placements.id})`;

/**
 * The placements the filter selects, each with everything the rules need, in one statement
 * (plus one per cohort): the children come back as json arrays per placement. A job loads these
 * at every run, so round trips, not rows, are what it costs.
 */
export async function loadPlacementBundles(
  q: Queryable,
  filter: PlacementFilter,
): Promise<PlacementBundle[]> {
  let where: SQL | undefined;
  if ('placementIds' in filter) {
    if (filter.placementIds.length === 0) return [];
    where = inArray(placements.id, [...filter.placementIds]);
  } else if ('studentId' in filter) where = eq(placements.studentId, filter.studentId);
  else if ('cohortId' in filter) where = eq(placements.cohortId, filter.cohortId);
  else if ('endingOnOrAfter' in filter) where = gte(placements.endDate, filter.endingOnOrAfter);
  else if ('mentorId' in filter) {
    const ids = await q
      .select({ id: placementMentors.placementId })
      .from(placementMentors)
      .where(eq(placementMentors.personId, filter.mentorId));
    if (ids.length === 0) return [];
    where = inArray(
      placements.id,
      ids.map((row) => row.id),
    );
  }
  const rows = await q
    .select({
      placement: placements,
      student: people,
      mentors: sql`(select coalesce(json_agg(${people}), '[]'::json) from ${placementMentors} inner join ${people} on ${placementMentors.personId} = ${people.id} where ${placementMentors.placementId} = ${placements.id})`,
      coordinators: sql`(select coalesce(json_agg(${people}), '[]'::json) from ${coordinators} inner join ${people} on ${coordinators.personId} = ${people.id} where ${or(isNull(coordinators.cohortId), eq(coordinators.cohortId, placements.cohortId))})`,
      goals: childRows(goals, goals.placementId, goals.position),
      pauses: childRows(pauses, pauses.placementId, pauses.fromDate),
      reports: childRows(reports, reports.placementId, reports.dueDate),
      substitutes: childRows(substitutes, substitutes.placementId),
      checkins: childRows(checkins, checkins.placementId, checkins.week),
    })
    .from(placements)
    .leftJoin(people, eq(placements.studentId, people.id))
    .where(where)
    .orderBy(placements.startDate, placements.id);
  if (rows.length === 0) return [];
  const cohortIds = [...new Set(rows.map((row) => row.placement.cohortId))];
  const cohortList = await Promise.all(cohortIds.map((id) => findCohortById(q, id)));
  const cohortById = new Map(cohortList.filter((c): c is Cohort => Boolean(c)).map((c) => [c.id, c]));

  return rows.map((row) => {
    const { placement, student } = row;
    const cohort = cohortById.get(placement.cohortId);
    if (!cohort || !student) throw new Error(`Placement ${placement.id} has a dangling reference`);
    const coordinatorPeople = rowsOfJson(people, row.coordinators);
    return {
      placement,
      student,
      cohort,
      mentors: rowsOfJson(people, row.mentors),
      coordinators: [...new Map(coordinatorPeople.map((p) => [p.id, p])).values()],
      goals: rowsOfJson(goals, row.goals).map(({ placementId, position, text }) => ({
        placementId,
        position,
        text,
      })),
      pauses: rowsOfJson(pauses, row.pauses).map((pause) => ({
        from: pause.fromDate,
        until: pause.untilDate,
      })),
      reports: rowsOfJson(reports, row.reports),
      substitutes: rowsOfJson(substitutes, row.substitutes),
      checkins: rowsOfJson(checkins, row.checkins),
    };
  });
}

/** The student's name per placement id, in one query (for lists that show names only). */
export async function studentNamesOfPlacements(
  q: Queryable,
  placementIds: readonly string[],
): Promise<Map<string, string>> {
  if (placementIds.length === 0) return new Map();
  const rows = await q
    .select({ placementId: placements.id, name: people.name })
    .from(placements)
    .innerJoin(people, eq(placements.studentId, people.id))
    .where(inArray(placements.id, [...placementIds]));
  return new Map(rows.map((row) => [row.placementId, row.name]));
}
