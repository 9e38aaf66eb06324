import { eq } from 'drizzle-orm';
import type { CheckinStore, GoalStore } from '../../../app/stores/placement-store';
import type { Cipher } from '../../crypto';
import type { Queryable } from '../client';
import { recordCheckinAnswer, recordCheckinSent } from '../repositories/checkins';
import { addGoal, readGoals } from '../repositories/goals';
import { checkins } from '../schema';

export function createCheckinStore(q: Queryable, cipher: Cipher): CheckinStore {
  return {
    async history(placementId) {
      const rows = await q.select().from(checkins).where(eq(checkins.placementId, placementId));
      return rows.sort((a, b) => (a.week < b.week ? -1 : 1));
    },
    recordSent: (placementId, week, at) => recordCheckinSent(q, placementId, week, at),
    recordAnswer: (placementId, week, answer) => recordCheckinAnswer(q, cipher, placementId, week, answer),
  };
}

export function createGoalStore(q: Queryable, cipher: Cipher): GoalStore {
  return {
    read: (placementId) => readGoals(q, cipher, placementId),
    add: (placementId, position, text) => addGoal(q, cipher, placementId, position, text),
  };
}
