import { type TeamsAct, teamsActivityFor } from '../teams/fixtures';
import type { ConnectorCall, FakeConnector } from '../teams/test-support';

/**
 * Teams acts for end-to-end tests: one person in their personal chat with the bot, and helpers
 * to read the Adaptive Cards the bot posted to the fake Bot Connector and press their buttons.
 */
export type TeamsPerson = {
  aadObjectId: string;
  userId: string;
  userName: string;
  /** The personal chat of this person with the bot. */
  conversationId: string;
  email: string;
};

export type CardPost = ConnectorCall & { body: Record<string, unknown> };

export type SubmitData = { actionId: string; value?: string };

/** A real-shaped activity from `person` at `at`, pointing the bot at the fake connector. */
export function teamsActivity(
  connector: FakeConnector,
  person: TeamsPerson,
  act: TeamsAct,
  options: { id: string; at: Date },
): Record<string, unknown> {
  return teamsActivityFor(act, {
    id: options.id,
    timestamp: options.at.toISOString(),
    aadObjectId: person.aadObjectId,
    userId: person.userId,
    userName: person.userName,
    conversationId: person.conversationId,
    serviceUrl: connector.url,
  });
}

export const postsTo = (connector: FakeConnector, conversationId: string): CardPost[] =>
  connector.posted().filter((post) => post.conversationId === conversationId);

type CardNode = { type?: string; data?: SubmitData; [key: string]: unknown };

/** Every Action.Submit in the card(s) of a post, wherever it sits (ActionSets, card actions). */
export function submitActionsIn(post: CardPost | undefined): SubmitData[] {
  return collectSubmits(post?.body.attachments);
}

/** Visits every object in a card (or any part of one), depth first. */
function walk(node: unknown, visit: (element: CardNode) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  visit(node as CardNode);
  for (const value of Object.values(node)) walk(value, visit);
}

/** The data of every Action.Submit in a card. */
export function collectSubmits(card: unknown): SubmitData[] {
  const found: SubmitData[] = [];
  walk(card, (element) => {
    if (element.type === 'Action.Submit' && element.data) found.push(element.data);
  });
  return found;
}

/** Ids of the Input.* elements of a card: the keys Teams merges into the submitted data. */
export function inputIdsIn(card: unknown): string[] {
  const ids: string[] = [];
  walk(card, (element) => {
    if (element.type?.startsWith('Input.') && typeof element.id === 'string') ids.push(element.id);
  });
  return ids;
}

export function findSubmit(post: CardPost | undefined, actionId: string, value?: string): SubmitData {
  const data = submitActionsIn(post).find(
    (candidate) => candidate.actionId === actionId && (value === undefined || candidate.value === value),
  );
  if (!data) throw new Error(`no ${actionId} action in ${JSON.stringify(post?.body ?? null)}`);
  return data;
}

/** Everything a post carried, as one searchable string. */
export const postText = (post: CardPost): string => JSON.stringify(post.body);
