import type { Person } from '../core/shared/person';
import type { Inbound } from './ports';
import type { PeopleStore } from './stores/people-store';

/**
 * Who is acting: the person linked to this platform account, or — on first contact — the person
 * with the e-mail address the platform vouches for, who is then linked. Never a typed name.
 * An account marked gone (left, uninstalled) is active again from the person's own act.
 */
export async function identify(people: PeopleStore, inbound: Inbound, at: Date): Promise<Person | null> {
  const account = {
    platform: inbound.platform,
    tenant: inbound.tenant,
    platformUserId: inbound.user.platformUserId,
  };
  const linked = await people.findActor(account);
  if (linked) {
    // Only a gone account has anything to change: an active one costs no write per act.
    if (linked.gone) await people.reactivateAccount(linked.person.id, account);
    return linked.person;
  }
  if (!inbound.user.email) return null;
  const person = await people.findByEmail(inbound.user.email);
  if (!person) return null;
  await people.linkAccount(person.id, account, at);
  return person;
}
