/**
 * Microsoft Teams adapter. Every botbuilder import stays inside `adapters/teams/`, so a later
 * move to @microsoft/agents-hosting touches this folder only. Test fixtures are not exported
 * here: tests import them from their own files, so production code cannot reach them.
 */
export {
  createTeamsAdapter,
  createTeamsOutbound,
  type TeamsAdapter,
  type TeamsAdapterOptions,
  type TeamsOutbound,
} from './adapter';
export { escapeMarkdown } from './escape';
export { type ParseContext, parseTeamsActivity, type TeamsParseResult } from './parse';
export { type AdaptiveCard, renderActivity, renderCard } from './render';
export { mapSendError, parseRetryAfter } from './send-errors';
export { createThrottle, TEAMS_LIMITS, type Throttle, type ThrottleDecision } from './throttle';
