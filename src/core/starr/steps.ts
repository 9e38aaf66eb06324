import type { StarrKind, StarrStepId } from './state';

export type QualityCheck = 'too-short' | 'no-intention' | 'no-first-person';

export type StarrStepDefinition = {
  id: StarrStepId;
  /** Checked in this order; the first that fails becomes the (single) nudge for the step. */
  checks: readonly QualityCheck[];
  /** The student picks one of their learning goals (buttons, a typed number, or new text). */
  goalChoice: boolean;
};

const step = (id: StarrStepId, checks: readonly QualityCheck[] = ['too-short']): StarrStepDefinition => ({
  id,
  checks,
  goalChoice: false,
});

/**
 * Step order per kind. The monthly step ids are also the export keys (docs/export.schema.json, `starr`),
 * so they must stay exactly `goal, situation, task, action, result, reflection`.
 */
export const STARR_STEPS: Readonly<Record<StarrKind, readonly StarrStepDefinition[]>> = {
  monthly: [
    { id: 'goal', checks: [], goalChoice: true },
    step('situation'),
    step('task'),
    // Step-specific checks first: "what did *you* do?" teaches more than "write more".
    step('action', ['no-first-person', 'too-short']),
    step('result'),
    step('reflection', ['no-intention', 'too-short']),
  ],
  intro: [step('meeting'), step('expectations'), step('goals')],
  midterm: [step('progress'), step('strengths'), step('improvements')],
};

export function stepsOf(kind: StarrKind): readonly StarrStepDefinition[] {
  return STARR_STEPS[kind];
}

export function stepIdsOf(kind: StarrKind): StarrStepId[] {
  return STARR_STEPS[kind].map((definition) => definition.id);
}

/** 1-based position of a step in its flow, or 0 when the step is not part of it. */
export function stepNumberOf(kind: StarrKind, id: string): number {
  return stepIdsOf(kind).indexOf(id as StarrStepId) + 1;
}

export function findStep(kind: StarrKind, id: string): StarrStepDefinition | undefined {
  return STARR_STEPS[kind].find((definition) => definition.id === id);
}
