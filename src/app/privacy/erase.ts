import { mayTouchPerson, type Reach } from '../access/reach';
import type { StoreAccess, Stores } from '../stores/stores';

export type EraseResult =
  | { ok: true; placements: number }
  | { ok: false; error: 'ERASE.UNKNOWN_STUDENT' | 'ERASE.NOT_YOURS' };

export type EraseOptions = {
  actor: string;
  at: Date;
  /** The actor's cohorts; the person must be within reach whatever kind of person they are. */
  reach: Reach;
};

/**
 * Right to erasure: removes the person and everything about them — placements with their
 * reports, check-ins, goals and pauses, conversations (theirs, and their mentors' talk
 * questions), identities, platform references, delivery problems, messages to or about them —
 * and scrubs their id from earlier audit entries. What remains is one audit entry saying an
 * erase happened, with no name, e-mail or id of the student.
 */
export async function eraseStudent(
  from: StoreAccess,
  email: string,
  options: EraseOptions,
): Promise<EraseResult> {
  return from.transaction((tx) => eraseStudentIn(tx, email, options));
}

/** The same, inside a transaction the caller already holds (the `wis` command). */
export async function eraseStudentIn(
  stores: Stores,
  email: string,
  options: EraseOptions,
): Promise<EraseResult> {
  const person = await stores.people.findByEmail(email);
  if (!person) return { ok: false, error: 'ERASE.UNKNOWN_STUDENT' };
  // Student, mentor or coordinator alike: every cohort they appear in must be the actor's.
  if (!(await mayTouchPerson(stores, options.reach, person.id)))
    return { ok: false, error: 'ERASE.NOT_YOURS' };
  const { placements } = await stores.privacy.erasePerson(person);
  await stores.audit.record({
    at: options.at,
    actor: options.actor,
    action: 'erase',
    subject: 'erased',
    detail: { placements },
  });
  return { ok: true, placements };
}
