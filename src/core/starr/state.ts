import { z } from 'zod';
import { fail, ok, type Result } from '../shared/result';
import { stepIdsOf } from './steps';

/** The three report conversations. Intro and mid-term are short guided texts without STARR. */
export type StarrKind = 'monthly' | 'intro' | 'midterm';

export const MONTHLY_STEP_IDS = ['goal', 'situation', 'task', 'action', 'result', 'reflection'] as const;
export const INTRO_STEP_IDS = ['meeting', 'expectations', 'goals'] as const;
export const MIDTERM_STEP_IDS = ['progress', 'strengths', 'improvements'] as const;

export type StarrStepId =
  | (typeof MONTHLY_STEP_IDS)[number]
  | (typeof INTRO_STEP_IDS)[number]
  | (typeof MIDTERM_STEP_IDS)[number];

/** Where the conversation stands: one of the flow's steps, or the summary before submitting. */
export type StarrPosition = StarrStepId | 'summary';

export type StarrStatus = 'in-progress' | 'paused' | 'submitted' | 'cancelled';

/**
 * The whole conversation as plain JSON (stored as jsonb after every step). Instants are ISO-8601
 * UTC strings; nothing is `undefined`, so a JSON round-trip returns an equal value.
 */
export type StarrState = {
  version: 1;
  reportId: string;
  kind: StarrKind;
  status: StarrStatus;
  step: StarrPosition;
  /** Keyed by step id; a skipped step has no key. Monthly keys are the export's `starr` keys. */
  answers: Record<string, string>;
  /** Set while editing from the summary: the next answer (or skip) goes back to the summary. */
  returnToSummary: boolean;
  /** Steps that received a quality nudge — at most one per step per report. */
  nudgedSteps: string[];
  /** Steps that received a privacy reminder — at most one per step per report. */
  privacyNudgedSteps: string[];
  qualityNudgeCount: number;
  /**
   * Text typed while a complete summary was shown, waiting for the student to say which step it
   * answers ("never discarded"). Optional: drafts saved before it existed lack the key.
   */
  pendingAnswer?: string;
  /** Set by a refused submit: after each answer the next empty step follows, then the summary. */
  fillMissing?: boolean;
  /** A revision after the mentor asked for more: the earlier answers are the starting point. */
  revision?: boolean;
  startedAt: string;
  updatedAt: string;
  submittedAt: string | null;
};

/** A fresh draft positioned at the first step. The app then sends `{ type: 'start' }`. */
export function createStarrState(reportId: string, kind: StarrKind, at: Date): StarrState {
  const firstStep: Record<StarrKind, StarrStepId> = {
    monthly: MONTHLY_STEP_IDS[0],
    intro: INTRO_STEP_IDS[0],
    midterm: MIDTERM_STEP_IDS[0],
  };
  const now = at.toISOString();
  return {
    version: 1,
    reportId,
    kind,
    status: 'in-progress',
    step: firstStep[kind],
    answers: {},
    returnToSummary: false,
    nudgedSteps: [],
    privacyNudgedSteps: [],
    qualityNudgeCount: 0,
    startedAt: now,
    updatedAt: now,
    submittedAt: null,
  };
}

const stepIdSchema = z.enum([...MONTHLY_STEP_IDS, ...INTRO_STEP_IDS, ...MIDTERM_STEP_IDS]);

export const starrStateSchema = z
  .object({
    version: z.literal(1),
    reportId: z.string().min(1),
    kind: z.enum(['monthly', 'intro', 'midterm']),
    status: z.enum(['in-progress', 'paused', 'submitted', 'cancelled']),
    step: z.union([stepIdSchema, z.literal('summary')]),
    answers: z.record(z.string(), z.string()),
    returnToSummary: z.boolean(),
    nudgedSteps: z.array(z.string()),
    privacyNudgedSteps: z.array(z.string()),
    qualityNudgeCount: z.number().int().min(0),
    pendingAnswer: z.string().exactOptional(),
    fillMissing: z.boolean().exactOptional(),
    revision: z.boolean().exactOptional(),
    startedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().nullable(),
  })
  .refine((state) => state.step === 'summary' || stepIdsOf(state.kind).includes(state.step), {
    message: 'step does not belong to this kind of report',
  });

/**
 * A revision draft after "graag aanvullen": the handed-in answers, positioned at the summary so
 * the student sees the mentor's feedback above what they wrote and picks the step to add to.
 */
export function createRevisionState(
  reportId: string,
  kind: StarrKind,
  answers: Record<string, string>,
  at: Date,
): StarrState {
  return {
    ...createStarrState(reportId, kind, at),
    answers: { ...answers },
    step: 'summary',
    revision: true,
  };
}

/** Validates a stored state (jsonb) before the machine trusts it. */
export function parseStarrState(value: unknown): Result<StarrState> {
  const parsed = starrStateSchema.safeParse(value);
  if (!parsed.success) return fail('STARR.INVALID_STATE', { issue: parsed.error.issues[0]?.message ?? '' });
  return ok(parsed.data);
}
