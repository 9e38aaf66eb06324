import { randomUUID } from 'node:crypto';
import { cohortSettingsSchema } from '../../../core/shared/cohort';
import type { Person } from '../../../core/shared/person';
import {
  cohortNamesOf,
  emailsOf,
  emptyPlan,
  mentorChanges,
  placementKey,
  planPlacements,
} from '../../placements/plan-placements';
import type { Cohort, CohortStore } from '../../stores/cohort-store';
import type { PlacementBundle, PlacementFilter, PlacementRecord } from '../../stores/placement-records';
import type { PlacementStore } from '../../stores/placement-store';
import type { MemoryTables } from './tables';

/** `PlacementStore.save` on the tables: the same plan as the database store, read and written here. */
function saveInMemory(t: () => MemoryTables): PlacementStore['save'] {
  return async (inputs, at, newCohort = {}) => {
    const tables = t();
    const emails = new Set(emailsOf(inputs));
    const cohorts = new Map<string, { cohort: Cohort; createdNow: boolean }>();
    for (const name of cohortNamesOf(inputs)) {
      let cohort = tables.cohorts.find((c) => c.name === name);
      const createdNow = !cohort;
      if (!cohort) {
        cohort = {
          id: randomUUID(),
          name,
          settings: cohortSettingsSchema.parse(newCohort),
          digestChannel: null,
        };
        tables.cohorts.push(cohort);
      }
      cohorts.set(name, { cohort: structuredClone(cohort), createdNow });
    }
    const mentors = new Map<string, Set<string>>();
    for (const { placementId, personId } of tables.placementMentors)
      mentors.set(placementId, (mentors.get(placementId) ?? new Set()).add(personId));
    const plan = emptyPlan({
      people: new Map(tables.people.filter((p) => emails.has(p.email)).map((p) => [p.email, { ...p }])),
      cohorts,
      coordinatorPairs: new Set(
        tables.coordinators.flatMap((c) => (c.cohortId ? [`${c.personId}|${c.cohortId}`] : [])),
      ),
      placements: new Map(
        tables.placements.map((p) => [placementKey(p.studentId, p.cohortId, p.startDate), { ...p }]),
      ),
      mentors,
    });
    const results = planPlacements(plan, inputs, at);
    for (const email of plan.peopleToWrite) {
      const person = plan.people.get(email) as Person;
      tables.people = [...tables.people.filter((p) => p.id !== person.id), person];
    }
    tables.coordinators.push(...plan.coordinatorsToInsert);
    for (const key of plan.placementsToWrite) {
      const placement = plan.placements.get(key) as PlacementRecord;
      const index = tables.placements.findIndex((p) => p.id === placement.id);
      if (index >= 0) tables.placements[index] = placement;
      else tables.placements.push(placement);
    }
    const { removed, added } = mentorChanges(plan);
    const gone = new Set(removed.map((pair) => `${pair.placementId}|${pair.personId}`));
    tables.placementMentors = tables.placementMentors.filter(
      (pair) => !gone.has(`${pair.placementId}|${pair.personId}`),
    );
    tables.placementMentors.push(...added);
    return results;
  };
}

export function memoryCohortStore(t: () => MemoryTables): CohortStore {
  return {
    findByName: async (name) => t().cohorts.find((c) => c.name === name.trim()) ?? null,
    findById: async (id) => t().cohorts.find((c) => c.id === id) ?? null,
    list: async () => [...t().cohorts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    async saveSettings(id, settings) {
      for (const cohort of t().cohorts)
        if (cohort.id === id) cohort.settings = cohortSettingsSchema.parse(settings);
    },
    async setDigestChannel(id, channel) {
      for (const cohort of t().cohorts) if (cohort.id === id) cohort.digestChannel = channel;
    },
  };
}

function matches(tables: MemoryTables, filter: PlacementFilter) {
  if ('placementIds' in filter) return (id: string) => filter.placementIds.includes(id);
  if ('studentId' in filter) {
    const ids = new Set(tables.placements.filter((p) => p.studentId === filter.studentId).map((p) => p.id));
    return (id: string) => ids.has(id);
  }
  if ('cohortId' in filter) {
    const ids = new Set(tables.placements.filter((p) => p.cohortId === filter.cohortId).map((p) => p.id));
    return (id: string) => ids.has(id);
  }
  if ('endingOnOrAfter' in filter) {
    const ids = new Set(
      tables.placements.filter((p) => p.endDate >= filter.endingOnOrAfter).map((p) => p.id),
    );
    return (id: string) => ids.has(id);
  }
  if ('mentorId' in filter) {
    const ids = new Set(
      tables.placementMentors.filter((m) => m.personId === filter.mentorId).map((m) => m.placementId),
    );
    return (id: string) => ids.has(id);
  }
  return () => true;
}

/** The same bundles `loadPlacementBundles` assembles, from the memory tables. */
export function memoryBundles(tables: MemoryTables, filter: PlacementFilter): PlacementBundle[] {
  const wanted = matches(tables, filter);
  const person = (id: string): Person => {
    const found = tables.people.find((p) => p.id === id);
    if (!found) throw new Error(`No person ${id}`);
    return found;
  };
  return tables.placements
    .filter((p) => wanted(p.id))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id))
    .map((placement) => {
      const cohort = tables.cohorts.find((c) => c.id === placement.cohortId);
      if (!cohort) throw new Error(`Placement ${placement.id} has a dangling reference`);
      const coordinatorIds = new Set(
        tables.coordinators
          .filter((c) => c.cohortId === null || c.cohortId === placement.cohortId)
          .map((c) => c.personId),
      );
      const of = <T extends { placementId: string }>(rows: T[]) =>
        rows.filter((row) => row.placementId === placement.id);
      return {
        placement,
        student: person(placement.studentId),
        cohort,
        mentors: of(tables.placementMentors).map((m) => person(m.personId)),
        coordinators: [...coordinatorIds].map(person),
        goals: of(tables.goals).sort((a, b) => a.position - b.position),
        pauses: of(tables.pauses)
          .sort((a, b) => a.from.localeCompare(b.from))
          .map((p) => ({ from: p.from, until: p.until })),
        reports: of(tables.reports).sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
        substitutes: of(tables.substitutes),
        checkins: of(tables.checkins).sort((a, b) => a.week.localeCompare(b.week)),
      };
    });
}

export function memoryPlacementStore(t: () => MemoryTables): PlacementStore {
  const placement = (id: string) => t().placements.find((p) => p.id === id);
  return {
    save: saveInMemory(t),
    loadBundles: async (filter) => structuredClone(memoryBundles(t(), filter)),
    cohortIdOf: async (placementId) => placement(placementId)?.cohortId ?? null,
    async cohortsOfPerson(personId) {
      const tables = t();
      const cohortOf = (id: string) => tables.placements.find((p) => p.id === id)?.cohortId;
      return {
        asStudent: tables.placements.filter((p) => p.studentId === personId).map((p) => p.cohortId),
        asMentor: tables.placementMentors
          .filter((m) => m.personId === personId)
          .flatMap((m) => cohortOf(m.placementId) ?? []),
        asCoordinator: tables.coordinators.filter((c) => c.personId === personId).map((c) => c.cohortId),
      };
    },
    async setSubstituteText(placementId, text, at) {
      const found = placement(placementId);
      if (found) Object.assign(found, { substituteText: text, updatedAt: at });
    },
    async resetLadder(placementId, at) {
      const found = placement(placementId);
      if (found)
        Object.assign(found, { status: 'active', ladderResetAt: at, updatedAt: at, closingSentAt: null });
    },
    async addPause(placementId, pause, _at) {
      const tables = t();
      const id = Math.max(0, ...tables.pauses.map((p) => p.id)) + 1;
      tables.pauses.push({ id, placementId, from: pause.from, until: pause.until, reason: pause.reason });
    },
    async endPauses(placementId, on, lastPausedDay) {
      for (const pause of t().pauses) {
        if (pause.placementId !== placementId) continue;
        if (pause.until === null || (pause.until >= on && pause.from < on)) pause.until = lastPausedDay;
      }
    },
    async studentNames(placementIds) {
      const tables = t();
      const names = new Map<string, string>();
      for (const id of placementIds) {
        const studentId = placement(id)?.studentId;
        const student = tables.people.find((p) => p.id === studentId);
        if (student) names.set(id, student.name);
      }
      return names;
    },
    async markInsufficient(placementIds, at) {
      for (const found of t().placements.filter((p) => placementIds.includes(p.id)))
        Object.assign(found, { status: 'insufficient', updatedAt: at });
    },
    async markClosingSent(placementIds, at) {
      for (const found of t().placements.filter((p) => placementIds.includes(p.id))) found.closingSentAt = at;
    },
    pastRetention: async (cohortId, endedBefore) =>
      t()
        .placements.filter((p) => p.cohortId === cohortId && p.endDate < endedBefore)
        .map((p) => ({ id: p.id, studentId: p.studentId })),
  };
}
