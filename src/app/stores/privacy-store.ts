/** What the right to erasure removes, in one place (see `privacy/erase.ts` for the rule). */
export type PrivacyStore = {
  /**
   * Removes the person and everything about them: placements (with reports, check-ins, goals,
   * pauses), their conversations and their mentors' talk questions about them, accounts,
   * platform references, delivery problems, messages to, about or naming them; their id in
   * earlier audit entries becomes `erased`. Returns how many placements went.
   */
  erasePerson(person: { id: string; email: string }): Promise<{ placements: number }>;
};
