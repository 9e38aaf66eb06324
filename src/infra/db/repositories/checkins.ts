import { and, eq } from 'drizzle-orm';
import type { CheckinAnswer } from '../../../app/stores/placement-store';
import type { MentorTalkAnswer } from '../../../core/checkin/signals';
import type { Cipher } from '../../crypto';
import type { Queryable } from '../client';
import { checkins } from '../schema';
import { sealedAt } from '../sealed';

export type CheckinRow = typeof checkins.$inferSelect;

export async function recordCheckinSent(
  q: Queryable,
  placementId: string,
  week: string,
  at: Date,
): Promise<boolean> {
  const inserted = await q
    .insert(checkins)
    .values({ placementId, week, sentAt: at })
    .onConflictDoNothing()
    .returning({ week: checkins.week });
  return inserted.length > 0;
}

/** The student's answers; mood and free text are encrypted before they reach the database. */
export async function recordCheckinAnswer(
  q: Queryable,
  cipher: Cipher,
  placementId: string,
  week: string,
  answer: CheckinAnswer,
): Promise<void> {
  const set: Partial<typeof checkins.$inferInsert> = {};
  if (answer.mood !== undefined)
    set.moodEnc = cipher.encrypt(String(answer.mood), sealedAt.checkin('mood_enc', placementId, week));
  if (answer.learned !== undefined)
    set.learnedEnc =
      answer.learned === null
        ? null
        : cipher.encrypt(answer.learned, sealedAt.checkin('learned_enc', placementId, week));
  if (answer.wantsTalk !== undefined) set.wantsTalk = answer.wantsTalk;
  if (answer.topic !== undefined)
    set.topicEnc =
      answer.topic === null
        ? null
        : cipher.encrypt(answer.topic, sealedAt.checkin('topic_enc', placementId, week));
  if (answer.answeredAt) set.answeredAt = answer.answeredAt;
  if (Object.keys(set).length === 0) return;
  await q
    .update(checkins)
    .set(set)
    .where(and(eq(checkins.placementId, placementId), eq(checkins.week, week)));
}

export async function recordMentorTalk(
  q: Queryable,
  cipher: Cipher,
  placementId: string,
  week: string,
  input: { answer: MentorTalkAnswer; note: string | null; at: Date },
): Promise<void> {
  const [row] = await q
    .select({ mentorTalk: checkins.mentorTalk })
    .from(checkins)
    .where(and(eq(checkins.placementId, placementId), eq(checkins.week, week)));
  // With several mentors any "yes" wins: one talk is enough for the week.
  const answer = row?.mentorTalk === 'yes' ? 'yes' : input.answer;
  await q
    .update(checkins)
    .set({
      mentorTalk: answer,
      mentorAnsweredAt: input.at,
      ...(input.note
        ? {
            mentorNoteEnc: cipher.encrypt(input.note, sealedAt.checkin('mentor_note_enc', placementId, week)),
          }
        : {}),
    })
    .where(and(eq(checkins.placementId, placementId), eq(checkins.week, week)));
}

export function decryptMood(
  cipher: Cipher,
  row: Pick<CheckinRow, 'moodEnc' | 'placementId' | 'week'>,
): number | null {
  return row.moodEnc
    ? Number(cipher.decrypt(row.moodEnc, sealedAt.checkin('mood_enc', row.placementId, row.week)))
    : null;
}
