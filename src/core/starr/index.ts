/** Public API of the STARR reflection conversation (pure core). */
export type { NudgeReason, StarrContext, StarrEffect, StarrEvent, StarrRejectionCode } from './events';
export { renderStarrEffects, renderStarrInvitation, type StarrInvitation } from './messages';
export { countWords, findQualityIssue, MIN_WORDS, seemsToNameClient } from './nudges';
export { parseStarrAction, parseStarrText, STARR_ACTIONS, STARR_KEYWORDS, type StarrActionId } from './parse';
export { rejectedKey } from './render-rejected';
export {
  createStarrState,
  parseStarrState,
  type StarrKind,
  type StarrPosition,
  type StarrState,
  type StarrStatus,
  type StarrStepId,
  starrStateSchema,
} from './state';
export { findStep, STARR_STEPS, type StarrStepDefinition, stepIdsOf, stepNumberOf } from './steps';
export { type StarrTransition, transition } from './transition';
