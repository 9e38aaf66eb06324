/** Inbound acts already handled: platforms retry an act with the same key. */
export type InboundLog = {
  /** Records the key; true the first time, false for a retry of an act already handled. */
  firstSeen(dedupeKey: string, at: Date): Promise<boolean>;
  /** Forgets keys first seen before `before` (platforms retry within minutes). */
  forgetBefore(before: Date): Promise<void>;
};
