import { asc } from 'drizzle-orm';
import type { Locale } from '../../src/core/messages/model';
import type { Db } from '../../src/infra/db/client';
import { linkIdentity } from '../../src/infra/db/repositories/people';
import { coordinators, people, placementMentors, placements } from '../../src/infra/db/schema';
import { CONSOLE_TENANT } from './gateway';

export type ConsoleRole = 'student' | 'mentor' | 'coordinator';

/** Someone the console user can act as; the console account is their e-mail address. */
export type ConsolePerson = {
  id: string;
  email: string;
  name: string;
  roles: ConsoleRole[];
  /** Their own language, if they chose one; the console's labels follow it. */
  locale: Locale | null;
};

export const consoleIdentity = (email: string) => ({
  platform: 'console' as const,
  tenant: CONSOLE_TENANT,
  platformUserId: email,
});

/** Everyone in the database with the roles they hold, in name order. */
export async function listConsolePeople(db: Db): Promise<ConsolePerson[]> {
  const [everyone, studentRows, mentorRows, coordinatorRows] = await Promise.all([
    db.select().from(people).orderBy(asc(people.name)),
    db.select({ personId: placements.studentId }).from(placements),
    db.select({ personId: placementMentors.personId }).from(placementMentors),
    db.select({ personId: coordinators.personId }).from(coordinators),
  ]);
  const has = (rows: { personId: string }[]) => new Set(rows.map((row) => row.personId));
  const students = has(studentRows);
  const mentors = has(mentorRows);
  const coordinatorIds = has(coordinatorRows);
  return everyone.map((person) => ({
    id: person.id,
    email: person.email,
    name: person.name,
    locale: person.locale,
    roles: [
      ...(coordinatorIds.has(person.id) ? (['coordinator'] as const) : []),
      ...(mentors.has(person.id) ? (['mentor'] as const) : []),
      ...(students.has(person.id) ? (['student'] as const) : []),
    ],
  }));
}

/** Gives each person a console account, so every message to anyone shows up in the terminal. */
export async function linkConsoleIdentities(db: Db, list: readonly ConsolePerson[], at: Date): Promise<void> {
  for (const person of list) await linkIdentity(db, person.id, consoleIdentity(person.email), at);
}

/** `/als` input → the person: exact e-mail, else a name (or part of one), case-insensitive. */
export function findConsolePerson(
  list: readonly ConsolePerson[],
  query: string,
): { ok: true; person: ConsolePerson } | { ok: false; matches: ConsolePerson[] } {
  const q = query.trim().toLowerCase();
  const byEmail = list.find((person) => person.email === q);
  if (byEmail) return { ok: true, person: byEmail };
  const exactName = list.filter((person) => person.name.toLowerCase() === q);
  if (exactName.length === 1) return { ok: true, person: exactName[0] as ConsolePerson };
  const partial = list.filter(
    (person) => person.name.toLowerCase().includes(q) || person.email.startsWith(q),
  );
  return partial.length === 1
    ? { ok: true, person: partial[0] as ConsolePerson }
    : { ok: false, matches: partial };
}

/** `Sam de Vries (student)`, `Ingrid de Boer (coördinator)`. */
export function describePerson(person: Pick<ConsolePerson, 'name' | 'roles'>, locale: 'nl' | 'en'): string {
  const label: Record<ConsoleRole, { nl: string; en: string }> = {
    student: { nl: 'student', en: 'student' },
    mentor: { nl: 'begeleider', en: 'mentor' },
    coordinator: { nl: 'coördinator', en: 'coordinator' },
  };
  const roles = person.roles.map((role) => label[role][locale]).join(', ');
  return roles ? `${person.name} (${roles})` : person.name;
}
