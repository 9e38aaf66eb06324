import { StagecoachError } from '../shared/errors';
import type { EscalationPolicy } from './policy';
import type { LadderOutcome } from './types';

/**
 * The ladder outcome of the `missNumber`-th counted miss. `steps[i]` applies to miss i + 1;
 * misses beyond the table reuse its last step until `insufficientAt`. The insufficient verdict
 * is numbered as the step after the last one used, so step numbers never skip.
 */
export function ladderOutcomeOf(missNumber: number, policy: EscalationPolicy): LadderOutcome {
  if (missNumber < 1) {
    throw new StagecoachError('ESCALATION.BAD_MISS_NUMBER', `Miss numbers start at 1, got ${missNumber}`);
  }
  if (missNumber >= policy.insufficientAt) {
    return { kind: 'insufficient', step: Math.min(policy.insufficientAt - 1, policy.steps.length) + 1 };
  }
  const step = Math.min(missNumber, policy.steps.length);
  const rule = policy.steps[step - 1];
  if (!rule) throw new StagecoachError('ESCALATION.EMPTY_POLICY', 'The escalation policy has no steps');
  return { kind: 'step', step, rule };
}

/** Misses left before the verdict; 1 means the next miss makes the placement insufficient. */
export function missesLeftAfter(missNumber: number, policy: EscalationPolicy): number {
  return Math.max(policy.insufficientAt - missNumber, 0);
}
