import { assertNever } from '../shared/errors';
import type { StarrContext, StarrEffect, StarrEvent, StarrRejectionCode } from './events';
import { findQualityIssue, seemsToNameClient } from './nudges';
import { createStarrState, type StarrPosition, type StarrState, type StarrStepId } from './state';
import { findStep, type StarrStepDefinition, stepIdsOf } from './steps';

export type StarrTransition = [StarrState, StarrEffect[]];

/**
 * The STARR conversation as a pure state machine (xstate `transition` style): the next state and
 * the effects to carry out, never performed here. Bad input returns the same state object with a
 * `rejected` effect, so the app can skip saving it.
 */
export function transition(
  state: StarrState,
  event: StarrEvent,
  at: Date,
  ctx: StarrContext,
): StarrTransition {
  switch (event.type) {
    case 'start':
      return start(state, at);
    case 'answer':
      return answer(state, event.text, at, ctx);
    case 'choose-goal':
      return chooseGoal(state, event.index, at, ctx);
    case 'back':
      return back(state, at);
    case 'skip':
      return skip(state, at);
    case 'edit':
      return edit(state, event.step, at, ctx);
    case 'stop':
      return stop(state, at);
    case 'resume':
      return resume(state, at);
    case 'cancel':
      return cancel(state, at);
    case 'submit':
      return submit(state, at, ctx);
    case 'help':
      return [state, [{ type: 'help', step: state.step }]];
    default:
      return assertNever(event);
  }
}

function reject(state: StarrState, code: StarrRejectionCode, params?: Record<string, string | number>) {
  const effect: StarrEffect = params ? { type: 'rejected', code, params } : { type: 'rejected', code };
  return [state, [effect]] satisfies StarrTransition;
}

/** The rejection for an event that needs an open draft, or null when the draft is open. */
function inactive(state: StarrState): StarrTransition | null {
  switch (state.status) {
    case 'in-progress':
      return null;
    case 'submitted':
      return reject(state, 'STARR.ALREADY_SUBMITTED');
    case 'paused':
    case 'cancelled':
      return reject(state, 'STARR.NOT_ACTIVE', { status: state.status });
    default:
      return assertNever(state.status);
  }
}

function update(state: StarrState, at: Date, patch: Partial<StarrState>): StarrState {
  return { ...state, ...patch, updatedAt: at.toISOString() };
}

function askFor(state: StarrState, step: StarrStepId): StarrEffect {
  const ids = stepIdsOf(state.kind);
  const previousAnswer = state.answers[step];
  return {
    type: 'ask',
    step,
    stepNumber: ids.indexOf(step) + 1,
    totalSteps: ids.length,
    ...(previousAnswer ? { previousAnswer } : {}),
  };
}

/** What to show for where the conversation now stands. */
function present(state: StarrState): StarrEffect {
  return state.step === 'summary' ? { type: 'summary', answers: state.answers } : askFor(state, state.step);
}

function currentStep(state: StarrState): StarrStepDefinition | undefined {
  return state.step === 'summary' ? undefined : findStep(state.kind, state.step);
}

/** The first empty step after `step` in flow order, or the summary when none is left. */
function nextMissingAfter(
  state: StarrState,
  step: StarrStepId,
  answers: Record<string, string>,
): StarrPosition {
  const ids = stepIdsOf(state.kind);
  return ids.slice(ids.indexOf(step) + 1).find((id) => !answers[id]?.trim()) ?? 'summary';
}

function firstMissing(state: StarrState): StarrStepId | undefined {
  return stepIdsOf(state.kind).find((id) => !state.answers[id]?.trim());
}

/** The state without a pending answer (the key is left out, so a JSON round-trip stays equal). */
function withoutPending(state: StarrState): StarrState {
  const { pendingAnswer: _dropped, ...rest } = state;
  return rest;
}

function positionAfter(state: StarrState, step: StarrStepId, answers = state.answers): StarrPosition {
  // Filling the steps a refused submit named: each answer leads to the next empty one.
  if (state.fillMissing) return nextMissingAfter(state, step, answers);
  if (state.returnToSummary) return 'summary';
  const ids = stepIdsOf(state.kind);
  return ids[ids.indexOf(step) + 1] ?? 'summary';
}

function start(state: StarrState, at: Date): StarrTransition {
  switch (state.status) {
    case 'in-progress':
      return [state, [present(state)]];
    case 'paused':
      return resume(state, at);
    case 'cancelled': {
      // A cancelled draft is gone, but the report is still owed: starting again begins afresh.
      const fresh = createStarrState(state.reportId, state.kind, at);
      return [fresh, [present(fresh)]];
    }
    case 'submitted':
      return reject(state, 'STARR.ALREADY_SUBMITTED');
    default:
      return assertNever(state.status);
  }
}

function answer(state: StarrState, text: string, at: Date, ctx: StarrContext): StarrTransition {
  const blocked = inactive(state);
  if (blocked) return blocked;
  const step = currentStep(state);
  const trimmed = text.trim();
  if (!step) return answerAtSummary(state, trimmed, at, ctx);
  if (trimmed === '') return reject(state, 'STARR.EMPTY_ANSWER', { step: step.id });
  return save(state, step, trimmed, at, ctx, true);
}

/** "3: …" at the summary names the step the text answers. */
const NUMBERED_ANSWER = /^(\d{1,2})\s*[:.)]\s*([\s\S]+)$/;

/**
 * Text typed while the summary is shown is never thrown away: a numbered answer ("3: …") edits
 * that step, text while a step is still empty answers the first empty step, and anything else is
 * kept while the student is asked which step it belongs to.
 */
function answerAtSummary(state: StarrState, text: string, at: Date, ctx: StarrContext): StarrTransition {
  if (text === '') return reject(state, 'STARR.AT_SUMMARY');
  const numbered = NUMBERED_ANSWER.exec(text);
  if (numbered) {
    const target = resolveStep(state, numbered[1] as string);
    const def = target ? findStep(state.kind, target) : undefined;
    if (def)
      return save({ ...state, returnToSummary: true }, def, (numbered[2] as string).trim(), at, ctx, true);
  }
  const missing = firstMissing(state);
  const def = missing ? findStep(state.kind, missing) : undefined;
  if (def) return save({ ...state, fillMissing: true }, def, text, at, ctx, true);
  const next = update(state, at, { pendingAnswer: text });
  return [next, [{ type: 'which-step' }]];
}

function chooseGoal(state: StarrState, index: number, at: Date, ctx: StarrContext): StarrTransition {
  const blocked = inactive(state);
  if (blocked) return blocked;
  const step = currentStep(state);
  if (!step?.goalChoice) return reject(state, 'STARR.NOT_A_GOAL_STEP');
  const goal = Number.isInteger(index) ? ctx.goals[index] : undefined;
  if (goal === undefined) return reject(state, 'STARR.NO_SUCH_GOAL', { number: index + 1 });
  // The goals come from the placement, not from the student: no nudges for them.
  return save(state, step, goal, at, ctx, false);
}

function save(
  state: StarrState,
  step: StarrStepDefinition,
  text: string,
  at: Date,
  ctx: StarrContext,
  checkText: boolean,
): StarrTransition {
  const effects: StarrEffect[] = [];
  let { nudgedSteps, privacyNudgedSteps, qualityNudgeCount } = state;
  if (checkText && !privacyNudgedSteps.includes(step.id) && seemsToNameClient(text)) {
    effects.push({ type: 'privacy-nudge', step: step.id });
    privacyNudgedSteps = [...privacyNudgedSteps, step.id];
  }
  // At most one quality nudge per report: a second one reads as nagging.
  if (checkText && !ctx.fadeQualityNudges && qualityNudgeCount === 0 && !nudgedSteps.includes(step.id)) {
    const reason = findQualityIssue(text, step.checks);
    if (reason) {
      effects.push({ type: 'nudge', step: step.id, reason });
      nudgedSteps = [...nudgedSteps, step.id];
      qualityNudgeCount += 1;
    }
  }
  const answers = { ...state.answers, [step.id]: text };
  const position = positionAfter(state, step.id, answers);
  const next = update(withoutPending(state), at, {
    answers,
    step: position,
    returnToSummary: false,
    fillMissing: position !== 'summary' && state.fillMissing === true,
    nudgedSteps,
    privacyNudgedSteps,
    qualityNudgeCount,
  });
  return [next, [...effects, present(next)]];
}

function back(state: StarrState, at: Date): StarrTransition {
  const blocked = inactive(state);
  if (blocked) return blocked;
  const ids = stepIdsOf(state.kind);
  if (state.step === 'summary') {
    const last = ids[ids.length - 1]!;
    const next = update(state, at, { step: last, returnToSummary: false });
    return [next, [present(next)]];
  }
  const previous = ids[ids.indexOf(state.step) - 1];
  if (!previous) return reject(state, 'STARR.AT_FIRST_STEP');
  // An edit that goes back a step still returns to the summary after the next answer.
  const next = update(state, at, { step: previous });
  return [next, [present(next)]];
}

function skip(state: StarrState, at: Date): StarrTransition {
  const blocked = inactive(state);
  if (blocked) return blocked;
  const step = currentStep(state);
  if (!step) return reject(state, 'STARR.AT_SUMMARY');
  // Skipping keeps an earlier answer: "overslaan" means "leave this as it is for now".
  const position = positionAfter(state, step.id);
  const next = update(state, at, {
    step: position,
    returnToSummary: false,
    fillMissing: position !== 'summary' && state.fillMissing === true,
  });
  return [next, [present(next)]];
}

/** Resolves "2", 2, "situation" to a step id of the flow. */
export function resolveStep(state: StarrState, step: number | string): StarrStepId | undefined {
  const ids = stepIdsOf(state.kind);
  const asText = String(step).trim().toLowerCase();
  if (/^\d+$/.test(asText)) return ids[Number(asText) - 1];
  return ids.find((id) => id === asText);
}

function edit(state: StarrState, step: number | string, at: Date, ctx: StarrContext): StarrTransition {
  const blocked = inactive(state);
  if (blocked) return blocked;
  if (state.step !== 'summary') return reject(state, 'STARR.NOT_AT_SUMMARY');
  const target = resolveStep(state, step);
  if (!target) return reject(state, 'STARR.NO_SUCH_STEP', { step: String(step) });
  const def = findStep(state.kind, target);
  // The answer to "which step is this for?": the kept text goes into that step.
  if (state.pendingAnswer && def) {
    return save({ ...state, returnToSummary: true }, def, state.pendingAnswer, at, ctx, true);
  }
  const next = update(withoutPending(state), at, { step: target, returnToSummary: true });
  return [next, [present(next)]];
}

function stop(state: StarrState, at: Date): StarrTransition {
  if (state.status === 'paused') return [state, [{ type: 'paused' }]];
  const blocked = inactive(state);
  if (blocked) return blocked;
  return [update(state, at, { status: 'paused' }), [{ type: 'paused' }]];
}

function resume(state: StarrState, at: Date): StarrTransition {
  if (state.status === 'paused') {
    const next = update(state, at, { status: 'in-progress' });
    return [next, [present(next)]];
  }
  const blocked = inactive(state);
  if (blocked) return blocked;
  return [state, [present(state)]];
}

function cancel(state: StarrState, at: Date): StarrTransition {
  switch (state.status) {
    case 'in-progress':
    case 'paused': {
      // Discarding means the answers are gone, not merely hidden: only the report link remains.
      const emptied = createStarrState(state.reportId, state.kind, at);
      return [{ ...emptied, status: 'cancelled', startedAt: state.startedAt }, [{ type: 'cancelled' }]];
    }
    case 'submitted':
      return reject(state, 'STARR.ALREADY_SUBMITTED');
    case 'cancelled':
      return reject(state, 'STARR.NOT_ACTIVE', { status: state.status });
    default:
      return assertNever(state.status);
  }
}

function submit(state: StarrState, at: Date, ctx: StarrContext): StarrTransition {
  const blocked = inactive(state);
  if (blocked) return blocked;
  if (state.step !== 'summary') return reject(state, 'STARR.NOT_AT_SUMMARY');
  const missing = stepIdsOf(state.kind).filter((id) => !state.answers[id]?.trim());
  const [first] = missing;
  if (first) {
    const next = update(withoutPending(state), at, { step: first, returnToSummary: true, fillMissing: true });
    return [
      next,
      [{ type: 'rejected', code: 'STARR.INCOMPLETE', params: { steps: missing.join(',') } }, present(next)],
    ];
  }
  if (ctx.submitFrom && at.getTime() < ctx.submitFrom.at.getTime()) {
    return reject(state, 'STARR.TOO_EARLY', { from: ctx.submitFrom.date });
  }
  const now = at.toISOString();
  const next = update(withoutPending(state), at, { status: 'submitted', submittedAt: now });
  return [next, [{ type: 'submitted', answers: state.answers, neededNudges: state.qualityNudgeCount > 0 }]];
}
