/**
 * Microsoft Teams adapter. Every botbuilder import stays inside `adapters/teams/`, so a later
 * move to @microsoft/agents-hosting touches this folder only.
 */
export {
  createTeamsAdapter,
  createTeamsOutbound,
  type TeamsAdapter,
  type TeamsAdapterOptions,
  type TeamsOutbound,
} from './adapter';
export { escapeMarkdown } from './escape';
export {
  FIXTURE_BOT_ID,
  FIXTURE_TENANT,
  type TeamsAct,
  type TeamsFixtureOptions,
  teamsActivityFor,
} from './fixtures';
export { type ParseContext, parseTeamsActivity, type TeamsParseResult } from './parse';
export { type AdaptiveCard, renderActivity, renderCard } from './render';
export { mapSendError, parseRetryAfter } from './send-errors';
export { createThrottle, TEAMS_LIMITS, type Throttle, type ThrottleDecision } from './throttle';
