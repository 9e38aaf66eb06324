import type { Queryable } from '../infra/db/client';
import {
  findPersonByEmail,
  findPersonByIdentity,
  linkIdentity,
  type Person,
  reactivateIdentity,
} from '../infra/db/repositories/people';
import type { Inbound } from './ports';

/**
 * Who is acting: the person linked to this platform account, or — on first contact — the person
 * with the e-mail address the platform vouches for, who is then linked. Never a typed name.
 * An account marked gone (left, uninstalled) is active again from the person's own act.
 */
export async function identify(q: Queryable, inbound: Inbound, at: Date): Promise<Person | null> {
  const identity = {
    platform: inbound.platform,
    tenant: inbound.tenant,
    platformUserId: inbound.user.platformUserId,
  };
  const linked = await findPersonByIdentity(q, identity);
  if (linked) {
    await reactivateIdentity(q, linked.id, identity);
    return linked;
  }
  if (!inbound.user.email) return null;
  const person = await findPersonByEmail(q, inbound.user.email);
  if (!person) return null;
  await linkIdentity(q, person.id, identity, at);
  return person;
}
