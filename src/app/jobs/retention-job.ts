import { and, eq, inArray, isNotNull, lt, or } from 'drizzle-orm';
import { localDateOf } from '../../core/calendar/zoned';
import { addMonthsToFirst } from '../../core/shared/dates';
import { audit } from '../../infra/db/repositories/audit';
import { listCohorts } from '../../infra/db/repositories/cohorts';
import {
  checkins,
  conversations,
  goals,
  pauses,
  placements,
  reports,
  seenInbound,
  substitutes,
} from '../../infra/db/schema';
import { pruneDelivered } from '../../infra/outbox/enqueue';
import { mentorTalkKind } from '../flows/mentor-talk-flow';
import type { JobContext, Window } from './job-context';

const DELIVERED_KEPT_DAYS = 30; // sent outbox rows: long enough to debug a "did it arrive?" question
const SEEN_KEPT_DAYS = 7; // Slack and Teams retry within minutes; a week is ample

/**
 * Purges everything a person wrote about a placement (see below) a cohort-configured number of
 * months after it ended (default 12); the placement, dates and statuses stay for the record.
 */
export async function runRetention(ctx: JobContext, window: Window): Promise<string> {
  let purged = 0;
  for (const cohort of await listCohorts(ctx.db)) {
    const today = localDateOf(window.to, cohort.settings.timezone);
    // End dates before the first of (this month − retention) are past retention, rounded to be safe.
    const cutoff = addMonthsToFirst(`${today.slice(0, 7)}-01`, -cohort.settings.retentionMonths);
    const expired = await ctx.db
      .select({ id: placements.id, studentId: placements.studentId })
      .from(placements)
      .where(and(eq(placements.cohortId, cohort.id), lt(placements.endDate, cutoff)));
    if (expired.length === 0) continue;
    const ids = expired.map((p) => p.id);
    purged += await ctx.db.transaction(async (tx) => {
      const cleared = new Set<string>();
      // Every column holding what a person wrote, for these placements: reflections and
      // feedback, excuse and pause reasons (often medical), check-in answers and mentor notes,
      // substitute work, learning goals. Dates, statuses and counts stay for the record.
      const reportRows = await tx
        .update(reports)
        .set({ contentEnc: null, feedbackEnc: null, excuseReason: null })
        .where(
          and(
            inArray(reports.placementId, ids),
            or(
              isNotNull(reports.contentEnc),
              isNotNull(reports.feedbackEnc),
              isNotNull(reports.excuseReason),
            ),
          ),
        )
        .returning({ placementId: reports.placementId });
      const checkinRows = await tx
        .update(checkins)
        .set({ moodEnc: null, learnedEnc: null, topicEnc: null, mentorNoteEnc: null })
        .where(
          and(
            inArray(checkins.placementId, ids),
            or(
              isNotNull(checkins.moodEnc),
              isNotNull(checkins.learnedEnc),
              isNotNull(checkins.topicEnc),
              isNotNull(checkins.mentorNoteEnc),
            ),
          ),
        )
        .returning({ placementId: checkins.placementId });
      const substituteRows = await tx
        .update(substitutes)
        .set({ contentEnc: null, reviewNoteEnc: null })
        .where(
          and(
            inArray(substitutes.placementId, ids),
            or(isNotNull(substitutes.contentEnc), isNotNull(substitutes.reviewNoteEnc)),
          ),
        )
        .returning({ placementId: substitutes.placementId });
      const pauseRows = await tx
        .update(pauses)
        .set({ reason: null })
        .where(and(inArray(pauses.placementId, ids), isNotNull(pauses.reason)))
        .returning({ placementId: pauses.placementId });
      const goalRows = await tx
        .delete(goals)
        .where(inArray(goals.placementId, ids))
        .returning({ placementId: goals.placementId });
      for (const row of [...reportRows, ...checkinRows, ...substituteRows, ...pauseRows, ...goalRows])
        cleared.add(row.placementId);
      // Mentors' open talk questions about these placements carry notes in their state.
      await tx.delete(conversations).where(inArray(conversations.kind, ids.map(mentorTalkKind)));
      const students = expired.filter((p) => cleared.has(p.id)).map((p) => p.studentId);
      if (students.length > 0)
        await tx.delete(conversations).where(inArray(conversations.personId, students));
      for (const studentId of students) {
        await audit(tx, { at: window.to, actor: 'system', action: 'retention.purge', subject: studentId });
      }
      return cleared.size;
    });
  }
  const pruned = await pruneDelivered(
    ctx.db,
    new Date(window.to.getTime() - DELIVERED_KEPT_DAYS * 86_400_000),
  );
  await ctx.db
    .delete(seenInbound)
    .where(lt(seenInbound.seenAt, new Date(window.to.getTime() - SEEN_KEPT_DAYS * 86_400_000)));
  return `retention: ${purged} placement(s) purged, ${pruned} delivered message(s) pruned`;
}
