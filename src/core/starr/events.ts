import type { LocalDate } from '../shared/dates';
import type { StarrPosition, StarrStepId } from './state';

/** What the student did, after `parseStarrText` / `parseStarrAction`. */
export type StarrEvent =
  | { type: 'start' }
  | { type: 'answer'; text: string }
  /** 0-based index into `StarrContext.goals` (the button value; a typed "2" becomes index 1). */
  | { type: 'choose-goal'; index: number }
  | { type: 'back' }
  | { type: 'skip' }
  /** From the summary: a 1-based step number over the flow's steps, or a step id. */
  | { type: 'edit'; step: number | string }
  | { type: 'stop' }
  | { type: 'resume' }
  | { type: 'cancel' }
  | { type: 'submit' }
  | { type: 'help' };

/** Facts about the student the app looks up before calling `transition`. */
export type StarrContext = {
  /** The placement's learning goals, in their stored order. */
  goals: readonly string[];
  /** True when the student's last three reports needed no quality nudge (nudges fade). */
  fadeQualityNudges: boolean;
  /**
   * The first instant the report may be handed in (the period it looks back on has mostly
   * passed); writing may start earlier. Absent or null: no limit.
   */
  submitFrom?: { at: Date; date: LocalDate } | null;
};

export type NudgeReason = 'too-short' | 'no-intention' | 'no-first-person';

export type StarrRejectionCode =
  | 'STARR.EMPTY_ANSWER'
  | 'STARR.INCOMPLETE'
  | 'STARR.NOT_ACTIVE'
  | 'STARR.ALREADY_SUBMITTED'
  | 'STARR.NO_SUCH_STEP'
  | 'STARR.NO_SUCH_GOAL'
  | 'STARR.NOT_A_GOAL_STEP'
  | 'STARR.NOT_AT_SUMMARY'
  | 'STARR.AT_SUMMARY'
  | 'STARR.AT_FIRST_STEP'
  | 'STARR.TOO_EARLY';

/** What should happen as a result of an event. The app renders these; the core never sends. */
export type StarrEffect =
  | {
      type: 'ask';
      step: StarrStepId;
      /** 1-based, over the flow's steps (the summary is not counted). */
      stepNumber: number;
      totalSteps: number;
      /** The saved answer when returning to a step (back, edit, resume). */
      previousAnswer?: string;
    }
  | { type: 'nudge'; step: StarrStepId; reason: NudgeReason }
  | { type: 'privacy-nudge'; step: StarrStepId }
  | { type: 'summary'; answers: Record<string, string> }
  | { type: 'submitted'; answers: Record<string, string>; neededNudges: boolean }
  | { type: 'paused' }
  | { type: 'cancelled' }
  | { type: 'help'; step: StarrPosition }
  /** Text typed at a complete summary: kept, and the student is asked which step it belongs to. */
  | { type: 'which-step' }
  | { type: 'rejected'; code: StarrRejectionCode; params?: Record<string, string | number> };
