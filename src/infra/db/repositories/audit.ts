import type { AuditEntry } from '../../../app/stores/audit-store';
import type { Queryable } from '../client';
import { auditLog } from '../schema';

export type { AuditAction, AuditEntry } from '../../../app/stores/audit-store';

/** Kept for the jobs and the placement import until they use the AuditStore (after issue 10). */
export async function audit(q: Queryable, entry: AuditEntry): Promise<void> {
  await q.insert(auditLog).values({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    detail: entry.detail ?? null,
  });
}
