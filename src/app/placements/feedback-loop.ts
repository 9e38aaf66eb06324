import type { ReportRecord as ReportRow } from '../stores/placement-records';

/**
 * Where the feedback loop of a placement's reports stands: handed in and waiting for the mentor,
 * or sent back ("graag aanvullen") and waiting for the student. A revision clears the verdict,
 * so a report is always in at most one of the two.
 */
export type FeedbackLoop = { awaitingFeedback: number; awaitingRevision: number };

export function feedbackLoopOf(
  rows: readonly Pick<ReportRow, 'contentEnc' | 'feedbackVerdict'>[],
): FeedbackLoop {
  const handedIn = rows.filter((row) => row.contentEnc);
  return {
    awaitingFeedback: handedIn.filter((row) => row.feedbackVerdict === null).length,
    awaitingRevision: handedIn.filter((row) => row.feedbackVerdict === 'needs-more').length,
  };
}
