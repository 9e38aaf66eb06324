export type { AuditAction, AuditEntry, AuditStore } from './audit-store';
export { type Cohort, type CohortStore, DEFAULT_COHORT_NAME, type DigestChannel } from './cohort-store';
export type { ConversationRecord, ConversationStore } from './conversation-store';
export type { InboundLog } from './inbound-log';
export type { OutboxStore, Outgoing } from './outbox-store';
export {
  type Account,
  type CoordinatorScopes,
  coordinatesCohort,
  normaliseEmail,
  type PeopleStore,
} from './people-store';
export type * from './placement-records';
export type * from './placement-store';
export type { PrivacyStore } from './privacy-store';
export type { StoreAccess, Stores } from './stores';
export type { Unsealer } from './unsealer';
