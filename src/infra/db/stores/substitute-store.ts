import { eq } from 'drizzle-orm';
import type { SubstituteStore } from '../../../app/stores/placement-store';
import type { Cipher } from '../../crypto';
import type { Queryable } from '../client';
import { substitutes } from '../schema';
import { sealedAt } from '../sealed';
import { chunks } from './chunks';

export function createSubstituteStore(q: Queryable, cipher: Cipher): SubstituteStore {
  return {
    async handIn(entry) {
      const contentEnc = cipher.encrypt(entry.work, sealedAt.substituteContent(entry.key));
      await q
        .insert(substitutes)
        .values({
          key: entry.key,
          placementId: entry.placementId,
          text: entry.text,
          doneAt: entry.at,
          doneBy: entry.by,
          contentEnc,
        })
        .onConflictDoUpdate({
          target: substitutes.key,
          // A hand-in after "sent back" is a new hand-in: the earlier assessment no longer stands.
          set: {
            doneAt: entry.at,
            doneBy: entry.by,
            contentEnc,
            reviewStatus: null,
            reviewedBy: null,
            reviewedAt: null,
          },
        });
    },
    async assess(key, assessment) {
      await q
        .update(substitutes)
        .set({
          reviewStatus: assessment.status,
          reviewedBy: assessment.by,
          reviewedAt: assessment.at,
          reviewNoteEnc: assessment.note
            ? cipher.encrypt(assessment.note, sealedAt.substituteReviewNote(key))
            : null,
          // Sent back: the assignment is open again (and counts as overdue past its due date).
          ...(assessment.status === 'returned' ? { doneAt: null, doneBy: null } : {}),
        })
        .where(eq(substitutes.key, key));
    },
    async tickOff(entry) {
      await q
        .insert(substitutes)
        .values({ key: entry.key, placementId: entry.placementId, doneAt: entry.at, doneBy: entry.by })
        .onConflictDoUpdate({ target: substitutes.key, set: { doneAt: entry.at, doneBy: entry.by } });
    },
    async give(entries) {
      for (const part of chunks(entries)) {
        await q
          .insert(substitutes)
          .values(part.map((entry) => ({ key: entry.key, placementId: entry.placementId, text: entry.text })))
          .onConflictDoNothing();
      }
    },
  };
}
