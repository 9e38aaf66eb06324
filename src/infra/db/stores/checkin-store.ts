import { eq } from 'drizzle-orm';
import type { CheckinStore, GoalStore } from '../../../app/stores/placement-store';
import type { Cipher } from '../../crypto';
import type { Queryable } from '../client';
import { recordCheckinAnswer, recordCheckinSent, recordMentorTalk } from '../repositories/checkins';
import { addGoal, readGoals } from '../repositories/goals';
import { checkins } from '../schema';
import { chunks } from './chunks';

export function createCheckinStore(q: Queryable, cipher: Cipher): CheckinStore {
  return {
    async history(placementId) {
      const rows = await q.select().from(checkins).where(eq(checkins.placementId, placementId));
      return rows.sort((a, b) => (a.week < b.week ? -1 : 1));
    },
    recordSent: (placementId, week, at) => recordCheckinSent(q, placementId, week, at),
    async recordSentMany(sent) {
      const fresh: Array<{ placementId: string; week: string }> = [];
      for (const part of chunks(sent)) {
        const inserted = await q
          .insert(checkins)
          .values(part.map((item) => ({ placementId: item.placementId, week: item.week, sentAt: item.at })))
          .onConflictDoNothing()
          .returning({ placementId: checkins.placementId, week: checkins.week });
        fresh.push(...inserted);
      }
      return fresh;
    },
    recordMentorTalk: (placementId, week, talk) => recordMentorTalk(q, cipher, placementId, week, talk),
    recordAnswer: (placementId, week, answer) => recordCheckinAnswer(q, cipher, placementId, week, answer),
  };
}

export function createGoalStore(q: Queryable, cipher: Cipher): GoalStore {
  return {
    read: (placementId) => readGoals(q, cipher, placementId),
    add: (placementId, position, text) => addGoal(q, cipher, placementId, position, text),
  };
}
