import type { StoreAccess, Stores } from '../../stores/stores';
import {
  memoryCheckinStore,
  memoryGoalStore,
  memoryReportStore,
  memorySubstituteStore,
  memoryUnsealer,
} from './content';
import { memoryPeopleStore } from './people';
import { memoryCohortStore, memoryPlacementStore } from './placements';
import {
  memoryAuditStore,
  memoryConversationStore,
  memoryInboundLog,
  memoryOutboxStore,
  memoryPrivacyStore,
} from './records';
import { copyTables, emptyTables, type MemoryTables } from './tables';

export type { MemoryTables } from './tables';

/** The store fakes plus their tables, for tests that arrange data or look at what was kept. */
export type MemoryStores = StoreAccess & { tables(): MemoryTables };

function storesOn(t: () => MemoryTables): Stores {
  return {
    people: memoryPeopleStore(t),
    cohorts: memoryCohortStore(t),
    placements: memoryPlacementStore(t),
    reports: memoryReportStore(t),
    substitutes: memorySubstituteStore(t),
    checkins: memoryCheckinStore(t),
    goals: memoryGoalStore(t),
    conversations: memoryConversationStore(t),
    audit: memoryAuditStore(t),
    inbound: memoryInboundLog(t),
    outbox: memoryOutboxStore(t),
    privacy: memoryPrivacyStore(t),
    unseal: memoryUnsealer,
  };
}

/**
 * In-memory fakes of every store (bolt-js `MemoryStore` style): the use cases run on them in
 * milliseconds. The contract suite (`src/infra/db/stores/contract`) holds them to the same
 * behaviour as the database stores. One transaction at a time, as a use case runs them.
 */
export function createMemoryStores(): MemoryStores {
  let tables = emptyTables();
  return {
    ...storesOn(() => tables),
    tables: () => tables,
    async transaction(work) {
      // Work on a copy: a throw leaves the tables as they were, like a rollback.
      const working = copyTables(tables);
      const result = await work(storesOn(() => working));
      tables = working;
      return result;
    },
  };
}
