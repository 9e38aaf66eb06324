import type { IsoWeekday, LocalDate } from './dates';

export type PlacementStatus = 'active' | 'paused' | 'insufficient' | 'completed' | 'ended';

/** A pause of a placement; `until` is inclusive, null while open-ended. */
export type Pause = { from: LocalDate; until: LocalDate | null; reason?: string };

/** The calendar facts of a placement that the rules need. */
export type PlacementSchedule = {
  startDate: LocalDate;
  endDate: LocalDate;
  /** Days the student works at the placement; null = every working day. */
  workingDays: readonly IsoWeekday[] | null;
  introDate: LocalDate | null;
  midEvaluationDate: LocalDate | null;
  finalEvaluationDate: LocalDate | null;
  pauses: readonly Pause[];
};

export function isPausedOn(pauses: readonly Pause[], date: LocalDate): boolean {
  return pauses.some((pause) => pause.from <= date && (pause.until === null || date <= pause.until));
}
