import type { Cipher } from '../../infra/crypto';
import type { ConversationRecord } from '../stores/conversation-store';
import { type LegacyQueries, storesOnQueries } from '../stores/legacy';

export type { ConversationRecord } from '../stores/conversation-store';

/*
 * The conversation store with the old signatures (a query handle and a cipher), for the jobs and
 * mentor-talk-flow until they take `Stores` — migrates after issue 10 lands. New code uses
 * `stores.conversations` (src/app/stores/conversation-store.ts).
 */

export const loadConversation = <T>(
  q: LegacyQueries,
  cipher: Cipher,
  personId: string,
  kind: string,
): Promise<ConversationRecord<T> | null> => storesOnQueries(q, cipher).conversations.load<T>(personId, kind);

export const listConversations = (q: LegacyQueries, personId: string) =>
  storesOnQueries(q).conversations.list(personId);

export const saveConversation = <T>(
  q: LegacyQueries,
  cipher: Cipher,
  personId: string,
  kind: string,
  state: T,
  at: Date,
): Promise<void> => storesOnQueries(q, cipher).conversations.save(personId, kind, state, at);

export const deleteConversation = (q: LegacyQueries, personId: string, kind: string): Promise<void> =>
  storesOnQueries(q).conversations.delete(personId, kind);
