import { count, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { outbox } from '../db/schema';

/** Pending messages and why they wait: `paused: <code>` (an outage), `elsewhere: …`, a retry's error. */
export type Waiting = { total: number; reasons: Map<string, number> };

export async function countWaiting(q: Queryable): Promise<Waiting> {
  const rows = await q
    .select({ lastError: outbox.lastError, n: count() })
    .from(outbox)
    .where(eq(outbox.status, 'pending'))
    .groupBy(outbox.lastError);
  const reasons = new Map<string, number>();
  let total = 0;
  for (const row of rows.sort((a, b) => b.n - a.n)) {
    total += row.n;
    // No error yet: paced behind another message to the same person, or not due yet.
    const reason = row.lastError ?? 'due later';
    reasons.set(reason, (reasons.get(reason) ?? 0) + row.n);
  }
  return { total, reasons };
}

/** For `tick`'s one-line summary, e.g. `3 waiting (2 paused: token_revoked; 1 due later)`. */
export function describeWaiting(waiting: Waiting): string {
  if (waiting.total === 0) return '0 waiting';
  const why = [...waiting.reasons].map(([reason, n]) => `${n} ${reason}`).join('; ');
  return `${waiting.total} waiting (${why})`;
}
