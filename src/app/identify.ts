import type { Queryable } from '../infra/db/client';
import {
  findPersonByEmail,
  findPersonByIdentity,
  linkIdentity,
  type Person,
} from '../infra/db/repositories/people';
import type { Inbound } from './ports';

/**
 * Who is acting: the person linked to this platform account, or — on first contact — the person
 * with the e-mail address the platform vouches for, who is then linked. Never a typed name.
 */
export async function identify(q: Queryable, inbound: Inbound, at: Date): Promise<Person | null> {
  const identity = {
    platform: inbound.platform,
    tenant: inbound.tenant,
    platformUserId: inbound.user.platformUserId,
  };
  const linked = await findPersonByIdentity(q, identity);
  if (linked) return linked;
  if (!inbound.user.email) return null;
  const person = await findPersonByEmail(q, inbound.user.email);
  if (!person) return null;
  await linkIdentity(q, person.id, identity, at);
  return person;
}
