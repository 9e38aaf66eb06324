import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { PlacementStore } from '../../../app/stores/placement-store';
import type { Cipher } from '../../crypto';
import type { Queryable } from '../client';
import { loadPlacementBundles, studentNamesOfPlacements } from '../repositories/placements';
import { coordinators, pauses, placementMentors, placements } from '../schema';
import { sealedAt } from '../sealed';
import { chunks } from './chunks';
import { saveOn } from './save-placements';

export function createPlacementStore(q: Queryable, cipher: Cipher): PlacementStore {
  return {
    save: saveOn(q),
    loadBundles: (filter) => loadPlacementBundles(q, filter),
    async cohortIdOf(placementId) {
      const [row] = await q
        .select({ cohortId: placements.cohortId })
        .from(placements)
        .where(eq(placements.id, placementId));
      return row?.cohortId ?? null;
    },
    async cohortsOfPerson(personId) {
      const asStudent = await q
        .select({ cohortId: placements.cohortId })
        .from(placements)
        .where(eq(placements.studentId, personId));
      const asMentor = await q
        .select({ cohortId: placements.cohortId })
        .from(placementMentors)
        .innerJoin(placements, eq(placements.id, placementMentors.placementId))
        .where(eq(placementMentors.personId, personId));
      const asCoordinator = await q
        .select({ cohortId: coordinators.cohortId })
        .from(coordinators)
        .where(eq(coordinators.personId, personId));
      return {
        asStudent: asStudent.map((row) => row.cohortId),
        asMentor: asMentor.map((row) => row.cohortId),
        asCoordinator: asCoordinator.map((row) => row.cohortId),
      };
    },
    async setSubstituteText(placementId, text, at) {
      await q
        .update(placements)
        .set({ substituteText: text, updatedAt: at })
        .where(eq(placements.id, placementId));
    },
    async resetLadder(placementId, at) {
      await q
        .update(placements)
        // Running again: when it ends later, it gets its closing message then.
        .set({ status: 'active', ladderResetAt: at, updatedAt: at, closingSentAt: null })
        .where(eq(placements.id, placementId));
    },
    async addPause(placementId, pause, at) {
      const [row] = await q
        .insert(pauses)
        .values({ placementId, fromDate: pause.from, untilDate: pause.until, createdAt: at })
        .returning({ id: pauses.id });
      if (row && pause.reason) {
        // Sealed to this pause's row, which needs its id first.
        await q
          .update(pauses)
          .set({ reason: cipher.encrypt(pause.reason, sealedAt.pauseReason(row.id)) })
          .where(eq(pauses.id, row.id));
      }
    },
    async endPauses(placementId, on, lastPausedDay) {
      await q
        .update(pauses)
        .set({ untilDate: lastPausedDay })
        .where(and(eq(pauses.placementId, placementId), isNull(pauses.untilDate)));
      const all = await q.select().from(pauses).where(eq(pauses.placementId, placementId));
      for (const pause of all) {
        if (pause.untilDate !== null && pause.untilDate >= on && pause.fromDate < on) {
          await q.update(pauses).set({ untilDate: lastPausedDay }).where(eq(pauses.id, pause.id));
        }
      }
    },
    studentNames: (placementIds) => studentNamesOfPlacements(q, placementIds),
    async markInsufficient(placementIds, at) {
      for (const ids of chunks(placementIds)) {
        await q
          .update(placements)
          .set({ status: 'insufficient', updatedAt: at })
          .where(inArray(placements.id, ids));
      }
    },
    async markClosingSent(placementIds, at) {
      for (const ids of chunks(placementIds)) {
        await q.update(placements).set({ closingSentAt: at }).where(inArray(placements.id, ids));
      }
    },
    pastRetention: (cohortId, endedBefore) =>
      q
        .select({ id: placements.id, studentId: placements.studentId })
        .from(placements)
        .where(and(eq(placements.cohortId, cohortId), lt(placements.endDate, endedBefore))),
  };
}
