/** What the right to erasure removes, in one place (see `privacy/erase.ts` for the rule). */
export type PrivacyStore = {
  /**
   * Removes the person and everything about them: placements (with reports, check-ins, goals,
   * pauses), their conversations and their mentors' talk questions about them, accounts,
   * platform references, delivery problems, messages to, about or naming them; their id in
   * earlier audit entries becomes `erased`. Returns how many placements went.
   */
  erasePerson(person: { id: string; email: string }): Promise<{ placements: number }>;
  /**
   * Retention: clears everything a person wrote about these placements — reflections and
   * feedback, excuse and pause reasons, check-in answers and mentor notes, substitute work,
   * learning goals — and the conversations that may hold it (mentors' talk questions about
   * them; the student's, when anything was cleared). Dates, statuses and counts stay. Returns
   * the ids of the placements that had anything to clear.
   */
  purgeWritten(placements: ReadonlyArray<{ id: string; studentId: string }>): Promise<string[]>;
};
