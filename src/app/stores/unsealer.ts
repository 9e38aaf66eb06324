import type { CheckinRecord, ReportRecord, StoredGoal, SubstituteRecord } from './placement-records';

/**
 * Opens the sealed fields of the records the stores return. Sealing is the stores' business
 * (each value is bound to its row), so use cases never see a key or where a value lives.
 */
export type Unsealer = {
  reportContent(report: Pick<ReportRecord, 'id' | 'contentEnc'>): Record<string, string> | null;
  mood(checkin: Pick<CheckinRecord, 'moodEnc' | 'placementId' | 'week'>): number | null;
  checkinText(
    checkin: Pick<CheckinRecord, 'placementId' | 'week' | 'learnedEnc' | 'topicEnc' | 'mentorNoteEnc'>,
    field: 'learnedEnc' | 'topicEnc' | 'mentorNoteEnc',
  ): string | null;
  substituteWork(substitute: Pick<SubstituteRecord, 'key' | 'contentEnc'>): string | null;
  /** A placement's learning goals in order. */
  goals(goals: readonly StoredGoal[]): string[];
};
