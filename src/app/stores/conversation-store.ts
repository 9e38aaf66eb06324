/**
 * Conversation state per person and kind, sealed at rest (a STARR draft holds reflection text).
 * Kinds: `starr`, `checkin`, `mentor-talk:<placementId>`, `feedback`.
 */
export type ConversationRecord<T> = { state: T; updatedAt: Date };

export type ConversationWrite = { personId: string; kind: string; state: unknown; at: Date };

export type ConversationStore = {
  load<T>(personId: string, kind: string): Promise<ConversationRecord<T> | null>;
  /** All open conversations of a person, most recently active first. */
  list(personId: string): Promise<Array<{ kind: string; updatedAt: Date }>>;
  save<T>(personId: string, kind: string, state: T, at: Date): Promise<void>;
  delete(personId: string, kind: string): Promise<void>;
  /** The state of `kind` for each of `personIds` that has one, by person id (for the jobs). */
  loadMany<T>(kind: string, personIds: readonly string[]): Promise<Map<string, ConversationRecord<T>>>;
  /** Saves many states; a (person, kind) given twice keeps the last. */
  saveMany(writes: readonly ConversationWrite[]): Promise<void>;
};

/** One open "did you have your talk?" per mentor and placement. */
export const mentorTalkKind = (placementId: string) => `mentor-talk:${placementId}`;
