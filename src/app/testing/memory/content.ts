import type { CheckinStore, GoalStore, ReportStore, SubstituteStore } from '../../stores/placement-store';
import type { Unsealer } from '../../stores/unsealer';
import type { MemoryTables } from './tables';

/** Reports, substitutes, check-ins and goals in memory; "sealed" fields hold plain text. */
export function memoryReportStore(t: () => MemoryTables): ReportStore {
  const find = (id: string) => t().reports.find((r) => r.id === id);
  return {
    find: async (reportId) => structuredClone(find(reportId) ?? null),
    recentNudges: async (placementId, count) =>
      t()
        .reports.filter((r) => r.placementId === placementId && r.submittedAt)
        .sort((a, b) => (b.submittedAt?.getTime() ?? 0) - (a.submittedAt?.getTime() ?? 0))
        .slice(0, count)
        .map((r) => r.neededNudges),
    async feedbackOf(reportId) {
      const report = find(reportId);
      if (!report) return null;
      const mentor = t().people.find((p) => p.id === report.feedbackBy);
      return { mentorName: mentor?.name ?? '', text: report.feedbackEnc };
    },
    async submit(report) {
      const contentEnc = JSON.stringify(report.answers);
      const existing = find(report.id);
      const set = { submittedAt: report.submittedAt, contentEnc, neededNudges: report.neededNudges };
      if (existing) Object.assign(existing, set);
      else
        t().reports.push({
          id: report.id,
          placementId: report.placementId,
          kind: report.kind,
          dueDate: report.dueDate,
          ...set,
          excused: false,
          excuseReason: null,
          feedbackEnc: null,
          feedbackVerdict: null,
          feedbackBy: null,
          feedbackAt: null,
        });
    },
    async revise(reportId, answers) {
      const existing = find(reportId);
      if (existing)
        Object.assign(existing, {
          contentEnc: JSON.stringify(answers),
          feedbackEnc: null,
          feedbackVerdict: null,
          feedbackAt: null,
          feedbackBy: null,
        });
    },
    async saveFeedback(reportId, feedback) {
      const existing = find(reportId);
      if (existing)
        Object.assign(existing, {
          feedbackVerdict: feedback.verdict,
          feedbackEnc: feedback.text,
          feedbackBy: feedback.by,
          feedbackAt: feedback.at,
        });
    },
    async excuse(report, reason) {
      const existing = find(report.id);
      if (existing) Object.assign(existing, { excused: true, excuseReason: reason });
      else
        t().reports.push({
          ...report,
          submittedAt: null,
          contentEnc: null,
          neededNudges: null,
          excused: true,
          excuseReason: reason,
          feedbackEnc: null,
          feedbackVerdict: null,
          feedbackBy: null,
          feedbackAt: null,
        });
    },
  };
}

export function memorySubstituteStore(t: () => MemoryTables): SubstituteStore {
  const find = (key: string) => t().substitutes.find((s) => s.key === key);
  const blank = (key: string, placementId: string) => ({
    key,
    placementId,
    text: null,
    doneAt: null,
    doneBy: null,
    contentEnc: null,
    reviewStatus: null,
    reviewedBy: null,
    reviewedAt: null,
    reviewNoteEnc: null,
  });
  return {
    async handIn(entry) {
      const existing = find(entry.key);
      const set = { doneAt: entry.at, doneBy: entry.by, contentEnc: entry.work };
      if (existing) Object.assign(existing, set, { reviewStatus: null, reviewedBy: null, reviewedAt: null });
      else t().substitutes.push({ ...blank(entry.key, entry.placementId), text: entry.text, ...set });
    },
    async assess(key, assessment) {
      const existing = find(key);
      if (!existing) return;
      Object.assign(existing, {
        reviewStatus: assessment.status,
        reviewedBy: assessment.by,
        reviewedAt: assessment.at,
        reviewNoteEnc: assessment.note,
        ...(assessment.status === 'returned' ? { doneAt: null, doneBy: null } : {}),
      });
    },
    async tickOff(entry) {
      const existing = find(entry.key);
      if (existing) Object.assign(existing, { doneAt: entry.at, doneBy: entry.by });
      else
        t().substitutes.push({ ...blank(entry.key, entry.placementId), doneAt: entry.at, doneBy: entry.by });
    },
    async give(entries) {
      for (const entry of entries) {
        if (find(entry.key)) continue;
        t().substitutes.push({ ...blank(entry.key, entry.placementId), text: entry.text });
      }
    },
  };
}

export function memoryCheckinStore(t: () => MemoryTables): CheckinStore {
  const recordSent = async (placementId: string, week: string, at: Date) => {
    if (t().checkins.some((c) => c.placementId === placementId && c.week === week)) return false;
    t().checkins.push({
      placementId,
      week,
      sentAt: at,
      answeredAt: null,
      moodEnc: null,
      learnedEnc: null,
      wantsTalk: null,
      topicEnc: null,
      mentorTalk: null,
      mentorNoteEnc: null,
      mentorAnsweredAt: null,
    });
    return true;
  };
  return {
    history: async (placementId) =>
      structuredClone(
        t()
          .checkins.filter((c) => c.placementId === placementId)
          .sort((a, b) => a.week.localeCompare(b.week)),
      ),
    recordSent,
    async recordSentMany(sent) {
      const fresh: Array<{ placementId: string; week: string }> = [];
      for (const { placementId, week, at } of sent) {
        if (await recordSent(placementId, week, at)) fresh.push({ placementId, week });
      }
      return fresh;
    },
    async recordMentorTalk(placementId, week, talk) {
      const row = t().checkins.find((c) => c.placementId === placementId && c.week === week);
      if (!row) return;
      row.mentorTalk = row.mentorTalk === 'yes' ? 'yes' : talk.answer;
      row.mentorAnsweredAt = talk.at;
      if (talk.note) row.mentorNoteEnc = talk.note;
    },
    async recordAnswer(placementId, week, answer) {
      const row = t().checkins.find((c) => c.placementId === placementId && c.week === week);
      if (!row) return;
      if (answer.mood !== undefined) row.moodEnc = String(answer.mood);
      if (answer.learned !== undefined) row.learnedEnc = answer.learned;
      if (answer.wantsTalk !== undefined) row.wantsTalk = answer.wantsTalk;
      if (answer.topic !== undefined) row.topicEnc = answer.topic;
      if (answer.answeredAt) row.answeredAt = answer.answeredAt;
    },
  };
}

export function memoryGoalStore(t: () => MemoryTables): GoalStore {
  return {
    read: async (placementId) =>
      t()
        .goals.filter((g) => g.placementId === placementId)
        .sort((a, b) => a.position - b.position)
        .map((g) => g.text),
    async add(placementId, position, text) {
      t().goals.push({ placementId, position, text });
    },
  };
}

export const memoryUnsealer: Unsealer = {
  reportContent: (report) => (report.contentEnc ? JSON.parse(report.contentEnc) : null),
  mood: (checkin) => (checkin.moodEnc ? Number(checkin.moodEnc) : null),
  checkinText: (checkin, field) => checkin[field],
  substituteWork: (substitute) => substitute.contentEnc,
  goals: (goals) => [...goals].sort((a, b) => a.position - b.position).map((g) => g.text),
};
