import type { Locale } from '../messages/model';

/** Someone the app knows: a student, a mentor or a coordinator (roles come from placements). */
export type Person = {
  id: string;
  /** Lower-cased; links a person across Slack and Teams. */
  email: string;
  name: string;
  /** Their own language; null = the school's default. */
  locale: Locale | null;
  createdAt: Date;
};

/** The language to write to a person in. */
export const localeOf = (person: Pick<Person, 'locale'>, fallback: Locale): Locale =>
  person.locale ?? fallback;
