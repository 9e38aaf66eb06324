import type { StoreAccess, Stores } from '../../../app/stores/stores';
import type { Cipher } from '../../crypto';
import type { Db, Queryable } from '../client';
import { createAuditStore } from './audit-store';
import { createCheckinStore, createGoalStore } from './checkin-store';
import { createCohortStore } from './cohort-store';
import { createConversationStore } from './conversation-store';
import { createInboundLog } from './inbound-log';
import { createOutboxStore } from './outbox-store';
import { createPeopleStore } from './people-store';
import { createPlacementStore } from './placement-store';
import { createPrivacyStore } from './privacy-store';
import { createReportStore } from './report-store';
import { createSubstituteStore } from './substitute-store';
import { createUnsealer } from './unsealer';

/** The stores on one query handle: the database (each call on its own) or an open transaction. */
export function storesOn(q: Queryable, cipher: Cipher): Stores {
  return {
    people: createPeopleStore(q),
    cohorts: createCohortStore(q),
    placements: createPlacementStore(q, cipher),
    reports: createReportStore(q, cipher),
    substitutes: createSubstituteStore(q, cipher),
    checkins: createCheckinStore(q, cipher),
    goals: createGoalStore(q, cipher),
    conversations: createConversationStore(q, cipher),
    audit: createAuditStore(q),
    inbound: createInboundLog(q),
    outbox: createOutboxStore(q, cipher),
    privacy: createPrivacyStore(q),
    unseal: createUnsealer(cipher),
  };
}

/**
 * The stores on drizzle (PGlite or PostgreSQL). Values written through them are sealed with
 * `cipher`, bound to their row; `transaction` runs the work in one database transaction.
 */
export function createDbStores(db: Db, cipher: Cipher): StoreAccess {
  return {
    ...storesOn(db, cipher),
    transaction: (work) => db.transaction((tx) => work(storesOn(tx, cipher))),
  };
}

/**
 * For callers that seal nothing (erase, a gone account, an import) and have no cipher at hand:
 * any use of it is a bug, said loudly.
 */
const noSealing = new Proxy({} as Cipher, {
  get() {
    throw new Error('These stores were given no cipher: they must not read or write sealed values.');
  },
});

/** The database stores for an entry point (main.ts, cli.ts, the demo, the bench, test set-up). */
export const storesOnDb = (db: Db, cipher: Cipher = noSealing): StoreAccess => createDbStores(db, cipher);
