import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { ReportStore } from '../../../app/stores/placement-store';
import type { Cipher } from '../../crypto';
import type { Queryable } from '../client';
import { people, reports } from '../schema';
import { sealedAt } from '../sealed';

export function createReportStore(q: Queryable, cipher: Cipher): ReportStore {
  return {
    async find(reportId) {
      const [row] = await q.select().from(reports).where(eq(reports.id, reportId));
      return row ?? null;
    },
    async recentNudges(placementId, count) {
      const rows = await q
        .select({ neededNudges: reports.neededNudges })
        .from(reports)
        .where(and(eq(reports.placementId, placementId), isNotNull(reports.submittedAt)))
        .orderBy(desc(reports.submittedAt))
        .limit(count);
      return rows.map((row) => row.neededNudges);
    },
    async feedbackOf(reportId) {
      const [row] = await q
        .select({ feedbackEnc: reports.feedbackEnc, mentorName: people.name })
        .from(reports)
        .leftJoin(people, eq(people.id, reports.feedbackBy))
        .where(eq(reports.id, reportId));
      if (!row) return null;
      return {
        mentorName: row.mentorName ?? '',
        text: row.feedbackEnc ? cipher.decrypt(row.feedbackEnc, sealedAt.reportFeedback(reportId)) : null,
      };
    },
    async submit(report) {
      const contentEnc = cipher.encryptJson(report.answers, sealedAt.reportContent(report.id));
      await q
        .insert(reports)
        .values({
          id: report.id,
          placementId: report.placementId,
          kind: report.kind,
          dueDate: report.dueDate,
          submittedAt: report.submittedAt,
          contentEnc,
          neededNudges: report.neededNudges,
        })
        .onConflictDoUpdate({
          target: reports.id,
          set: { submittedAt: report.submittedAt, contentEnc, neededNudges: report.neededNudges },
        });
    },
    async revise(reportId, answers) {
      const contentEnc = cipher.encryptJson(answers, sealedAt.reportContent(reportId));
      await q
        .update(reports)
        .set({ contentEnc, feedbackEnc: null, feedbackVerdict: null, feedbackAt: null, feedbackBy: null })
        .where(eq(reports.id, reportId));
    },
    async saveFeedback(reportId, feedback) {
      await q
        .update(reports)
        .set({
          feedbackVerdict: feedback.verdict,
          feedbackEnc: feedback.text
            ? cipher.encrypt(feedback.text, sealedAt.reportFeedback(reportId))
            : null,
          feedbackBy: feedback.by,
          feedbackAt: feedback.at,
        })
        .where(eq(reports.id, reportId));
    },
    async excuse(report, reason) {
      const excuseReason = reason ? cipher.encrypt(reason, sealedAt.excuseReason(report.id)) : null;
      await q
        .insert(reports)
        .values({ ...report, excused: true, excuseReason })
        .onConflictDoUpdate({ target: reports.id, set: { excused: true, excuseReason } });
    },
  };
}
