import { eq, gte, inArray, isNull, or, type SQL } from 'drizzle-orm';
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

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

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
  const rows = await q.select().from(placements).where(where).orderBy(placements.startDate, placements.id);
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const cohortIds = [...new Set(rows.map((row) => row.cohortId))];

  const [mentorRows, goalRows, pauseRows, reportRows, substituteRows, checkinRows, coordinatorRows] =
    await Promise.all([
      q
        .select({ placementId: placementMentors.placementId, person: people })
        .from(placementMentors)
        .innerJoin(people, eq(placementMentors.personId, people.id))
        .where(inArray(placementMentors.placementId, ids)),
      q.select().from(goals).where(inArray(goals.placementId, ids)).orderBy(goals.position),
      q.select().from(pauses).where(inArray(pauses.placementId, ids)).orderBy(pauses.fromDate),
      q.select().from(reports).where(inArray(reports.placementId, ids)).orderBy(reports.dueDate),
      q.select().from(substitutes).where(inArray(substitutes.placementId, ids)),
      q.select().from(checkins).where(inArray(checkins.placementId, ids)).orderBy(checkins.week),
      q
        .select({ cohortId: coordinators.cohortId, person: people })
        .from(coordinators)
        .innerJoin(people, eq(coordinators.personId, people.id))
        .where(or(isNull(coordinators.cohortId), inArray(coordinators.cohortId, cohortIds))),
    ]);
  const students = await q
    .select()
    .from(people)
    .where(
      inArray(
        people.id,
        rows.map((row) => row.studentId),
      ),
    );
  const cohortList = await Promise.all(cohortIds.map((id) => findCohortById(q, id)));
  const cohortById = new Map(cohortList.filter((c): c is Cohort => Boolean(c)).map((c) => [c.id, c]));
  const studentById = new Map(students.map((s) => [s.id, s]));
  const mentorsBy = groupBy(mentorRows, (row) => row.placementId);
  const goalsBy = groupBy(goalRows, (row) => row.placementId);
  const pausesBy = groupBy(pauseRows, (row) => row.placementId);
  const reportsBy = groupBy(reportRows, (row) => row.placementId);
  const substitutesBy = groupBy(substituteRows, (row) => row.placementId);
  const checkinsBy = groupBy(checkinRows, (row) => row.placementId);

  return rows.map((placement) => {
    const cohort = cohortById.get(placement.cohortId);
    const student = studentById.get(placement.studentId);
    if (!cohort || !student) throw new Error(`Placement ${placement.id} has a dangling reference`);
    const coordinatorPeople = coordinatorRows
      .filter((row) => row.cohortId === null || row.cohortId === placement.cohortId)
      .map((row) => row.person);
    return {
      placement,
      student,
      cohort,
      mentors: (mentorsBy.get(placement.id) ?? []).map((row) => row.person),
      coordinators: [...new Map(coordinatorPeople.map((p) => [p.id, p])).values()],
      goals: (goalsBy.get(placement.id) ?? []).map(({ placementId, position, text }) => ({
        placementId,
        position,
        text,
      })),
      pauses: (pausesBy.get(placement.id) ?? []).map((row) => ({
        from: row.fromDate,
        until: row.untilDate,
      })),
      reports: reportsBy.get(placement.id) ?? [],
      substitutes: substitutesBy.get(placement.id) ?? [],
      checkins: checkinsBy.get(placement.id) ?? [],
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
