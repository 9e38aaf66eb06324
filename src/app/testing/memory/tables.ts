import type { Person } from '../../../core/shared/person';
import type { AuditEntry } from '../../stores/audit-store';
import type { Cohort } from '../../stores/cohort-store';
import type { OutgoingMessage } from '../../stores/outbox-store';
import type { Account } from '../../stores/people-store';
import type {
  CheckinRecord,
  PlacementRecord,
  ReportRecord,
  StoredGoal,
  SubstituteRecord,
} from '../../stores/placement-records';

/**
 * The in-memory "database" behind the store fakes: plain arrays, one per kind of record.
 * Sealed fields hold plain text here (JSON for report content); the memory `Unsealer` reads
 * them back. A transaction works on a copy and puts it back on commit.
 */
export type MemoryTables = {
  people: Person[];
  accounts: Array<Account & { personId: string; status: 'active' | 'gone'; linkedAt: Date }>;
  coordinators: Array<{ personId: string; cohortId: string | null }>;
  cohorts: Cohort[];
  placements: PlacementRecord[];
  placementMentors: Array<{ placementId: string; personId: string }>;
  goals: StoredGoal[];
  pauses: Array<{
    id: number;
    placementId: string;
    from: string;
    until: string | null;
    reason: string | null;
  }>;
  reports: ReportRecord[];
  substitutes: SubstituteRecord[];
  checkins: CheckinRecord[];
  conversations: Array<{ personId: string; kind: string; state: unknown; updatedAt: Date }>;
  audit: AuditEntry[];
  seenInbound: Map<string, Date>;
  outbox: Array<OutgoingMessage & { at: Date }>;
  /** Person ids with an open "unreachable" notice to a coordinator. */
  deliveryProblems: Set<string>;
};

export const emptyTables = (): MemoryTables => ({
  people: [],
  accounts: [],
  coordinators: [],
  cohorts: [],
  placements: [],
  placementMentors: [],
  goals: [],
  pauses: [],
  reports: [],
  substitutes: [],
  checkins: [],
  conversations: [],
  audit: [],
  seenInbound: new Map(),
  outbox: [],
  deliveryProblems: new Set(),
});

/** A deep copy, so a failed transaction leaves the tables as they were. */
export const copyTables = (tables: MemoryTables): MemoryTables => structuredClone(tables);
