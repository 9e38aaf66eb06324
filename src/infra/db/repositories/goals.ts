import { eq } from 'drizzle-orm';
import type { StoredGoal } from '../../../app/stores/placement-records';
import { type Cipher, isCiphertext } from '../../crypto';
import type { Queryable } from '../client';
import { goals } from '../schema';
import { sealedAt } from '../sealed';

export type { StoredGoal };

/**
 * A student's learning goals, in order, opened. A goal written before goals were encrypted is
 * still plain until start-up (or `rotate-key`) seals it; it is read as it is meanwhile.
 */
export function openGoals(cipher: Cipher, rows: readonly StoredGoal[]): string[] {
  return [...rows]
    .sort((a, b) => a.position - b.position)
    .map((row) =>
      isCiphertext(row.text)
        ? cipher.decrypt(row.text, sealedAt.goal(row.placementId, row.position))
        : row.text,
    );
}

export async function readGoals(q: Queryable, cipher: Cipher, placementId: string): Promise<string[]> {
  return openGoals(cipher, await q.select().from(goals).where(eq(goals.placementId, placementId)));
}

/** Appends a goal; positions never change, so (placement, position) is a stable seal. */
export async function addGoal(
  q: Queryable,
  cipher: Cipher,
  placementId: string,
  position: number,
  text: string,
) {
  await q
    .insert(goals)
    .values({ placementId, position, text: cipher.encrypt(text, sealedAt.goal(placementId, position)) });
}
