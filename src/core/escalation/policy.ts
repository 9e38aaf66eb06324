import { z } from 'zod';
import { isInDstTransitionHour } from '../calendar/zoned';
import { localTimeSchema } from '../shared/dates';

/**
 * The missed-report escalation policy is data, validated at start-up and when a coordinator
 * changes it. `steps[i]` applies to miss number i + 1; misses beyond the table reuse the last
 * step until `insufficientAt` is reached.
 */
export const ladderStepSchema = z.object({
  /** When the substitute assignment (vervangende opdracht) is given for this miss. */
  substitute: z.enum(['none', 'after-grace', 'immediately']),
  /** Word the reminder as the last chance. */
  lastChance: z.boolean().default(false),
  /** Tell the mentor(s) about this miss (coordinators are always told). */
  notifyMentor: z.boolean().default(false),
});

export type LadderStep = z.infer<typeof ladderStepSchema>;

export const escalationPolicySchema = z
  .object({
    /** Calendar days after the deadline during which a missed report can still be handed in. */
    graceDays: z.number().int().min(0).max(30).default(3),
    /** Days a substitute assignment is due after it is given. */
    substituteDueDays: z.number().int().min(1).max(90).default(14),
    /** A report still owed after its grace is reminded every this many days. */
    owedReminderEveryDays: z.number().int().min(1).max(30).default(3),
    /** Local time of the deadline sweep on the next working day after a deadline. */
    sweepTime: localTimeSchema.default('09:00'),
    steps: z
      .array(ladderStepSchema)
      .min(1)
      .default([
        { substitute: 'after-grace', lastChance: false, notifyMentor: false },
        { substitute: 'immediately', lastChance: false, notifyMentor: false },
        { substitute: 'immediately', lastChance: true, notifyMentor: true },
      ]),
    /** The miss number at which the placement becomes `insufficient` (onvoldoende). */
    insufficientAt: z.number().int().min(1).max(20).default(4),
  })
  .refine((policy) => !isInDstTransitionHour(policy.sweepTime), {
    message: 'sweepTime must not be between 02:00 and 03:00 (daylight-saving changes)',
    path: ['sweepTime'],
  });

export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = escalationPolicySchema.parse({});
