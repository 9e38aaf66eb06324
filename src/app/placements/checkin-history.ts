import type { CheckinHistoryEntry } from '../../core/checkin/signals';
import type { CheckinRecord } from '../stores/placement-records';
import type { Unsealer } from '../stores/unsealer';

/** The signal history of a placement, oldest first; the newest is `open` until the next is sent. */
export function checkinHistoryOf(
  unseal: Pick<Unsealer, 'mood'>,
  rows: readonly CheckinRecord[],
  openWeek: string | null,
): CheckinHistoryEntry[] {
  return [...rows]
    .sort((a, b) => (a.week < b.week ? -1 : 1))
    .map((row) => ({
      week: row.week,
      answered: row.moodEnc !== null,
      mood: unseal.mood(row),
      wantsTalk: row.wantsTalk ?? false,
      mentorTalk: row.mentorTalk ?? null,
      ...(row.week === openWeek ? { open: true } : {}),
    }));
}
