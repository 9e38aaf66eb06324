import type { Unsealer } from '../../../app/stores/unsealer';
import type { Cipher } from '../../crypto';
import { decryptMood } from '../repositories/checkins';
import { openGoals } from '../repositories/goals';
import { sealedAt } from '../sealed';

const CHECKIN_COLUMNS = {
  learnedEnc: 'learned_enc',
  topicEnc: 'topic_enc',
  mentorNoteEnc: 'mentor_note_enc',
} as const;

export function createUnsealer(cipher: Cipher): Unsealer {
  return {
    reportContent: (report) =>
      report.contentEnc
        ? cipher.decryptJson<Record<string, string>>(report.contentEnc, sealedAt.reportContent(report.id))
        : null,
    mood: (checkin) => decryptMood(cipher, checkin),
    checkinText(checkin, field) {
      const value = checkin[field];
      return value
        ? cipher.decrypt(value, sealedAt.checkin(CHECKIN_COLUMNS[field], checkin.placementId, checkin.week))
        : null;
    },
    substituteWork: (substitute) =>
      substitute.contentEnc
        ? cipher.decrypt(substitute.contentEnc, sealedAt.substituteContent(substitute.key))
        : null,
    goals: (goals) => openGoals(cipher, goals),
  };
}
