/**
 * Audit actions. Entries say who did what to whom and when — never content (no reflection
 * text, mood, free text or message bodies in `detail`).
 */
export type AuditAction =
  | 'reflection.read'
  | 'checkin.read'
  | 'export'
  /** A cohort-wide export that includes moods and check-in text (asked for explicitly). */
  | 'export.checkin-content'
  | 'substitute.read'
  | 'substitute.accepted'
  | 'substitute.returned'
  | 'erase'
  | 'import'
  | 'command'
  | 'retention.purge';

export type AuditEntry = {
  at: Date;
  /** Person id, or `cli` / `system`. */
  actor: string;
  action: AuditAction;
  subject?: string | null;
  detail?: Record<string, string | number | boolean | null>;
};

export type AuditStore = {
  record(entry: AuditEntry): Promise<void>;
  /** Every entry, oldest first (export of the log; tests). */
  list(): Promise<AuditEntry[]>;
};
