import type { AuditStore } from './audit-store';
import type { CohortStore } from './cohort-store';
import type { ConversationStore } from './conversation-store';
import type { InboundLog } from './inbound-log';
import type { OutboxStore } from './outbox-store';
import type { PeopleStore } from './people-store';
import type {
  CheckinStore,
  GoalStore,
  PlacementStore,
  ReportStore,
  SubstituteStore,
} from './placement-store';
import type { PrivacyStore } from './privacy-store';
import type { Unsealer } from './unsealer';

/**
 * Everything the use cases keep, as ports with domain types. `src/infra/db/stores` implements
 * them on drizzle (PGlite or PostgreSQL); `src/app/testing/memory` in memory.
 */
export type Stores = {
  people: PeopleStore;
  cohorts: CohortStore;
  placements: PlacementStore;
  reports: ReportStore;
  substitutes: SubstituteStore;
  checkins: CheckinStore;
  goals: GoalStore;
  conversations: ConversationStore;
  audit: AuditStore;
  inbound: InboundLog;
  outbox: OutboxStore;
  privacy: PrivacyStore;
  unseal: Unsealer;
};

/**
 * The unit of work: `transaction` hands out stores bound to one transaction — everything
 * written through them commits together or not at all. Outside it, each call stands alone.
 */
export type StoreAccess = Stores & {
  transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
};
