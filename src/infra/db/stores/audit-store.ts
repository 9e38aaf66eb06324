import { asc } from 'drizzle-orm';
import type { AuditAction, AuditStore } from '../../../app/stores/audit-store';
import type { Queryable } from '../client';
import { audit } from '../repositories/audit';
import { auditLog } from '../schema';

export function createAuditStore(q: Queryable): AuditStore {
  return {
    record: (entry) => audit(q, entry),
    async list() {
      const rows = await q.select().from(auditLog).orderBy(asc(auditLog.id));
      return rows.map((row) => ({
        at: row.at,
        actor: row.actor,
        action: row.action as AuditAction,
        subject: row.subject,
        ...(row.detail ? { detail: row.detail as Record<string, string | number | boolean | null> } : {}),
      }));
    },
  };
}
